package org.yiyong.deeds;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.deeds.internal.DeadlineProperties;

/**
 * How far a deed has come, as a citizen who reported it may know: its stage and dates, how many actors
 * were confirmed or not, and the days to ask for a review — nothing about the people.
 */
@Service
@Transactional(readOnly = true)
public class DeedProgress {

    /** The stages a citizen follows. */
    public enum Stage {
        /** 待受理 */
        RECEIVED,
        /** 不予受理 */
        NOT_ACCEPTED,
        /** 已受理，调查核实中 */
        INVESTIGATING,
        /** 公示中 */
        IN_NOTICE,
        /** 公示结束，待作出决定 */
        DECIDING,
        /** 已作出决定 */
        DECIDED
    }

    /** The deed's progress; dates are {@code null} until their step is reached. */
    public record Progress(Stage stage, LocalDate acceptedOn, LocalDate noticeStart, LocalDate noticeEnd,
            LocalDate decidedOn, long confirmed, long refused, int reviewDays) {
    }

    private final JdbcClient jdbc;
    private final DeadlineProperties rules;

    DeedProgress(JdbcClient jdbc, DeadlineProperties rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    public Optional<Progress> of(long deedId) {
        return jdbc.sql("""
                select d.status, d.accepted_on, d.notice_start, d.notice_end, d.decided_on,
                       (select count(*) from deed_participant p where p.deed_id = d.id and p.role = 'ACTOR'
                          and p.outcome = 'CONFIRMED') as confirmed,
                       (select count(*) from deed_participant p where p.deed_id = d.id and p.role = 'ACTOR'
                          and p.outcome = 'REFUSED') as refused
                from deed d where d.id = :id""")
                .param("id", deedId)
                .query((rs, row) -> new Progress(stage(DeedStatus.valueOf(rs.getString("status"))),
                        rs.getObject("accepted_on", LocalDate.class), rs.getObject("notice_start", LocalDate.class),
                        rs.getObject("notice_end", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                        rs.getLong("confirmed"), rs.getLong("refused"), rules.reviewDays()))
                .optional();
    }

    private static Stage stage(DeedStatus status) {
        return switch (status) {
            case RECEIVED -> Stage.RECEIVED;
            case NOT_ACCEPTED -> Stage.NOT_ACCEPTED;
            case ACCEPTED, INVESTIGATING, UNDER_REVIEW -> Stage.INVESTIGATING;
            case IN_NOTICE -> Stage.IN_NOTICE;
            case NOTICE_CLOSED, HEARING -> Stage.DECIDING;
            case DECIDED, DELIVERED, CLOSED -> Stage.DECIDED;
        };
    }
}
