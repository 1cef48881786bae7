package org.yiyong.deeds;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.platform.BatchInserts;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;
import org.yiyong.shared.DomainException;

/**
 * Deeds confirmed before Yiyong, brought in from the city's earlier registers (历史台账): each a closed case with one
 * confirmed actor, received and accepted on the day of the act and decided on the day of its confirmation, so that
 * the statistics count it as they count a deed decided here. Numbered like any deed (by county and the year of the
 * act), noted with its import and row, written in batches. No {@link DeedConfirmed} is published: the module that
 * imports them links the person itself.
 */
@Service
public class HistoricalDeeds {

    /** Deeds written in one batch statement. */
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DocumentNumbers numbers;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final Clock clock;

    HistoricalDeeds(JdbcClient jdbc, JdbcTemplate batch, DocumentNumbers numbers, BatchInserts inserts,
            AuditTrail audit, Clock clock) {
        this.inserts = inserts;
        this.jdbc = jdbc;
        this.batch = batch;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A deed of an earlier register: where and when, what was done, the one person confirmed (name and resident ID
     * as the registry protects it: encrypted, blind index, masked), what it cost them, when and by what document it
     * was confirmed; the row of the import it came from.
     */
    public record HistoricalDeed(int row, String regionCode, DeedCategory category, LocalDate occurredOn,
            String address, String title, String actorName, String residentIdEncrypted, String residentIdIndex,
            String residentIdMasked, Harm harm, LocalDate confirmedOn, String document) {
    }

    /** A deed written: its id, number and its one confirmed actor. */
    public record Recorded(long deedId, String number, long participantId) {
    }

    /**
     * Writes the deeds within the caller's transaction, each audited and with an "imported" event on its timeline;
     * answers them in the order given.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Recorded> record(String actor, long importId, String fileName, List<HistoricalDeed> deeds) {
        if (deeds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String[] assigned = numbersFor(deeds);
        List<Object[]> rows = new ArrayList<>(deeds.size());
        for (int i = 0; i < deeds.size(); i++) {
            HistoricalDeed deed = deeds.get(i);
            String narrative = deed.title() + "（据历史台账导入；确认依据：" + deed.document() + "）";
            rows.add(new Object[] {assigned[i], deed.regionCode(), deed.category().name(),
                    DeedSource.HISTORICAL_REGISTER.name(), DeedStatus.CLOSED.name(),
                    Timestamp.valueOf(deed.occurredOn().atStartOfDay()), deed.address(), deed.title(), narrative,
                    Date.valueOf(deed.occurredOn()), Date.valueOf(deed.occurredOn()), Date.valueOf(deed.confirmedOn()),
                    actor, Date.valueOf(deed.confirmedOn()), actor, at, at, importId, deed.row()});
        }
        List<Long> ids = inserts.insert("deed", """
                number, region_code, category, source, status, occurred_at, address, title, narrative, received_on,
                accepted_on, decided_on, decided_by, closed_on, created_by, created_at, updated_at, import_id,
                import_row""", rows);
        List<Object[]> actors = new ArrayList<>(deeds.size());
        List<Object[]> events = new ArrayList<>(deeds.size());
        List<AuditRecord> entries = new ArrayList<>(deeds.size());
        for (int i = 0; i < deeds.size(); i++) {
            HistoricalDeed deed = deeds.get(i);
            long id = ids.get(i);
            actors.add(new Object[] {id, ParticipantRole.ACTOR.name(), deed.actorName(), deed.residentIdEncrypted(),
                    deed.residentIdIndex(), deed.residentIdMasked(), deed.harm().name(), "CONFIRMED"});
            events.add(new Object[] {id, at, actor, "IMPORTED", fileName + " 第 " + deed.row() + " 行"});
            entries.add(AuditRecord.of(AuditAction.CREATE, DeedIntake.ENTITY, id).byActor(actor)
                    .withDetail("imported with import " + importId + ", row " + deed.row()));
        }
        List<Long> participants = inserts.insert("deed_participant", """
                deed_id, role, name, resident_id, resident_id_index, resident_id_masked, harm, outcome""", actors);
        for (int from = 0; from < events.size(); from += BATCH) {
            batch.batchUpdate("insert into deed_event (deed_id, occurred_at, actor, kind, detail) values (?, ?, ?, ?, ?)",
                    events.subList(from, Math.min(events.size(), from + BATCH)));
        }
        audit.recordAtCommit(entries);
        List<Recorded> recorded = new ArrayList<>(deeds.size());
        for (int i = 0; i < deeds.size(); i++) {
            recorded.add(new Recorded(ids.get(i), assigned[i], participants.get(i)));
        }
        return recorded;
    }

    /** Deed numbers for the deeds, reserved in one block per county and year of the act. */
    private String[] numbersFor(List<HistoricalDeed> deeds) {
        Map<String, List<Integer>> byCounter = new LinkedHashMap<>();
        for (int i = 0; i < deeds.size(); i++) {
            HistoricalDeed deed = deeds.get(i);
            byCounter.computeIfAbsent(deed.regionCode() + "|" + deed.occurredOn().getYear(), k -> new ArrayList<>())
                    .add(i);
        }
        String[] assigned = new String[deeds.size()];
        byCounter.forEach((counter, indexes) -> {
            String region = counter.substring(0, counter.indexOf('|'));
            int year = Year.parse(counter.substring(counter.indexOf('|') + 1)).getValue();
            int first = numbers.reserve("deed_number_sequence", Map.of("region_code", region, "deed_year", year),
                    indexes.size());
            for (int n = 0; n < indexes.size(); n++) {
                assigned[indexes.get(n)] = numbers.format(DocumentKind.DEED, first + n,
                        Map.of("region", region, "year", year));
            }
        });
        return assigned;
    }

    /**
     * Removes the deeds an import wrote, within the caller's transaction, when nothing refers to them (an honour, a
     * report, the registry's link is removed by the caller first).
     *
     * @throws DomainException (conflict) when something refers to one of them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remove(String actor, long importId) {
        List<Long> ids = jdbc.sql("select id from deed where import_id = :id order by id").param("id", importId)
                .query(Long.class).list();
        try {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
                jdbc.sql("delete from deed_event where deed_id in (:ids)").param("ids", part).update();
                jdbc.sql("delete from deed_participant where deed_id in (:ids)").param("ids", part).update();
                jdbc.sql("delete from deed where id in (:ids)").param("ids", part).update();
            }
        } catch (DataIntegrityViolationException referred) {
            throw new InUse();
        }
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, DeedIntake.ENTITY, id)
                .byActor(actor).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }

    /** Deeds of an import that something else refers to already (an honour, a report, an attachment) stay. */
    static final class InUse extends DomainException {
        InUse() {
            super(Kind.CONFLICT, "import.undo.in-use");
        }
    }
}
