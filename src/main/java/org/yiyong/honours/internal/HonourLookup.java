package org.yiyong.honours.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.samaritans.SamaritanRegistry;

/**
 * Finding honours for the services that work on them: one in the caller's scope (else not found, the
 * attempt audited), whom a certificate names, and the people of a group.
 */
@Component
class HonourLookup {

    /** the entity name honours' audit entries carry */
    static final String ENTITY = "Honour";

    private final Honours honours;
    private final SamaritanRegistry samaritans;
    private final SamaritanDirectory people;
    private final AuditTrail audit;

    HonourLookup(Honours honours, SamaritanRegistry samaritans, SamaritanDirectory people, AuditTrail audit) {
        this.honours = honours;
        this.samaritans = samaritans;
        this.people = people;
        this.audit = audit;
    }

    /** A honour in the caller's scope; one outside it is not found, and the attempt is audited. */
    Honour inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                honours.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), honours::existsById);
    }

    /** Whom a certificate names: the person, or the group, unit or station. */
    String holderOf(Honour honour) {
        return honour.getSamaritanId() != null ? samaritans.nameOf(honour.getSamaritanId()) : honour.getRecipientName();
    }

    /** The registered samaritans confirmed for a deed, in the order they were registered. */
    List<Long> groupMembers(long deedId) {
        return people.confirmedFor(deedId);
    }
}
