package org.yiyong.honours;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.honours.internal.HonourProperties;
import org.yiyong.platform.SqlFigures;
import org.yiyong.platform.SqlFigures.Spec;
import org.yiyong.shared.FigureSource;

/**
 * The honours' figures for the statistics and the yearly report: honours granted by title and by level,
 * those granted above the city (province, nation), the reward money they carry and the reward money paid.
 * An honour counts in the year it was granted and the region it was granted in, once per recipient (a
 * group or a unit counts as one); an honour revoked since no longer counts.
 */
@Service
@Transactional(readOnly = true)
public class HonourFigures extends SqlFigures {

    private static final String HONOUR = "honour h join title t on t.id = h.title_id "
            + "left join samaritans_person_view s on s.id = h.samaritan_id";
    private static final String GRANTED = "h.status = 'GRANTED' and h.decided_on is not null";
    private static final String REFERENCE = "coalesce(h.certificate_number, h.document_number, h.deed_number, '')";
    private static final String RECIPIENT = "coalesce(s.name, h.recipient_name, '') || '　' || t.name";
    private static final String PATH = "case when h.samaritan_id is not null then '/samaritans/' || "
            + "cast(h.samaritan_id as varchar(20)) when h.organization_id is not null then '/organizations/' || "
            + "cast(h.organization_id as varchar(20)) else '/deeds/' || cast(h.deed_id as varchar(20)) end";

    private static final String PAYMENT = "reward_payment_request r join honour h on h.id = r.honour_id join title t on t.id = "
            + "h.title_id left join samaritans_person_view s on s.id = h.samaritan_id";
    private static final String SETTLED = "r.kind = 'PAYMENT' and r.status = 'SETTLED' and r.settled_on is not null";

    HonourFigures(JdbcClient jdbc, HonourProperties properties) {
        super(jdbc, List.of(
                honours("honours.granted", GRANTED, "t.code", "t.name", null),
                honours("honours.by-level", GRANTED, "t.level", null, "title.level."),
                honours("honours.granted-above", GRANTED + " and t.level in ('PROVINCIAL', 'NATIONAL')", "t.level",
                        null, "title.level."),
                new Spec(new Figure("honours.rewards-granted", Section.HONOURS, Unit.YUAN, false, null), HONOUR,
                        GRANTED + " and h.reward_amount > 0", "h.decided_on", "h.region_code", "t.code", "t.name",
                        "sum(h.reward_amount)", "h.reward_amount", REFERENCE, RECIPIENT, "h.id", PATH),
                new Spec(new Figure("honours.rewards-paid", Section.HONOURS, Unit.YUAN, false, null), PAYMENT,
                        SETTLED, "r.settled_on", "h.region_code", "t.code", "t.name", "sum(r.amount)", "r.amount",
                        REFERENCE, RECIPIENT, "r.id", PATH),
                // within the days after the decision past which an unpaid reward is a late award (迟奖)
                payments("honours.rewards-paid-on-time",
                        SETTLED + " and r.settled_on <= h.decided_on + " + properties.lateAfterDays()),
                payments("honours.rewards-paid-late",
                        SETTLED + " and r.settled_on > h.decided_on + " + properties.lateAfterDays()),
                // recommendations upward made in the year, by what came of them so far
                new Spec(new Figure("honours.recommended", Section.HONOURS, Unit.CASES, false, "recommendation.status."),
                        "recommendation r join title t on t.id = r.title_id "
                                + "join samaritans_person_view s on s.id = r.samaritan_id", "1 = 1", "r.recommended_on",
                        "r.region_code", "r.status", null, "count(*)", null, "r.deed_number",
                        "coalesce(r.group_name, s.name) || '　' || t.name", "r.id",
                        "'/samaritans/' || cast(r.samaritan_id as varchar(20))"),
                // one certificate per child and year, by the level of the parent's title it rests on
                new Spec(new Figure("honours.exam-bonus", Section.HONOURS, Unit.CASES, false, "title.level."),
                        "exam_bonus_certificate c join title t on t.id = c.title_id", "1 = 1", "c.issued_on",
                        "c.region_code", "t.level", null, "count(*)", null, "c.number",
                        "c.child_name || '　+' || cast(c.points as varchar(3)) || '（' || c.parent_name || '）'", "c.id",
                        "'/samaritans/' || cast(c.samaritan_id as varchar(20))")));
    }

    private static Spec payments(String key, String where) {
        return new Spec(new Figure(key, Section.HONOURS, Unit.CASES, false, null), PAYMENT, where, "r.settled_on",
                "h.region_code", "t.code", "t.name", "count(*)", null, REFERENCE, RECIPIENT, "r.id", PATH);
    }

    private static Spec honours(String key, String where, String part, String partLabel, String partMessages) {
        return new Spec(new Figure(key, Section.HONOURS, Unit.HONOUREES, false, partMessages), HONOUR, where,
                "h.decided_on", "h.region_code", part, partLabel, "count(*)", null, REFERENCE, RECIPIENT, "h.id",
                PATH);
    }
}
