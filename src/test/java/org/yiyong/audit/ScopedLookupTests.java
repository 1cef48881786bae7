package org.yiyong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.FullStackTest;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.RecordNotFound;

/** In scope, or not found: a record outside the caller's scope answers 404, and the attempt is audited. */
class ScopedLookupTests extends FullStackTest {

    @Autowired
    AuditTrail audit;

    private List<String> denials(String entityType, long id) {
        return jdbc.sql("""
                select detail from audit_entry
                where action = 'ACCESS_DENIED' and entity_type = :type and entity_id = :id order by id""")
                .param("type", entityType).param("id", String.valueOf(id)).query(String.class).list();
    }

    @Test
    void a_record_in_scope_is_answered_and_nothing_is_audited() {
        String type = "ScopedLookupTest-" + System.nanoTime();

        assertThat(ScopedLookup.inScope(audit, type, 1, Optional.of("found"), id -> true)).isEqualTo("found");
        assertThat(denials(type, 1)).isEmpty();
    }

    @Test
    void a_record_outside_the_scope_is_not_found_and_the_attempt_is_audited() {
        String type = "ScopedLookupTest-" + System.nanoTime();

        assertThatThrownBy(() -> ScopedLookup.inScope(audit, type, 42, Optional.empty(), id -> id == 42))
                .isInstanceOfSatisfying(RecordNotFound.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(refused.messageKey()).isEqualTo("error.not-found");
                    assertThat(refused.arguments()).containsExactly(type, "42");
                });
        assertThat(denials(type, 42)).containsExactly("outside data scope");
    }

    @Test
    void a_record_that_does_not_exist_is_not_found_and_not_audited() {
        String type = "ScopedLookupTest-" + System.nanoTime();

        assertThatThrownBy(() -> ScopedLookup.inScope(audit, type, 7, Optional.empty(), id -> false))
                .isInstanceOf(RecordNotFound.class);
        assertThat(denials(type, 7)).isEmpty();
    }

    @Test
    void a_refusal_may_say_what_was_looked_for() {
        String type = "ScopedLookupTest-" + System.nanoTime();

        RecordNotFound refused = ScopedLookup.notFound(audit, type, 3, true, "attachments outside data scope");

        assertThat(refused.arguments()).containsExactly(type, "3");
        assertThat(denials(type, 3)).containsExactly("attachments outside data scope");
    }
}
