package org.yiyong.samaritans.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.HistoricalDeeds;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.platform.BatchInserts;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;
import org.yiyong.shared.ResidentId;

/**
 * The registry's people and their deeds brought in from the city's earlier registers (历史台账): one row a deed of a
 * person, checked with the registry's and the deeds' rules (the resident ID's check digit, a county of the caller's
 * scope, a known category, dates in order, lengths). The natural key is the resident ID with the day of the deed,
 * so the same deed is never added twice; a person already on the registry (or earlier in the file) gains the deed
 * and keeps their record. The rows are written in batches: the deeds as closed cases by the deeds module, the
 * people, their confirmations and timelines here, each audited and noted with the import and row. Undone while
 * nothing else refers to them.
 */
@Component
class SamaritanImports implements ImportRegister {

    /** Digits as a spreadsheet shows a long number it has rounded: 3.50582199001011E+17. */
    private static final Pattern ROUNDED_NUMBER = Pattern.compile("[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+");
    /** The earliest day a deed of the registers may have (the People's Republic's founding). */
    private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    private static final int BATCH = 1000;

    private final SamaritanRegistry registry;
    private final HistoricalDeeds historicalDeeds;
    private final DocumentNumbers numbers;
    private final BatchInserts inserts;
    private final Regions regions;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    private final HouseholdChanges households;

    SamaritanImports(SamaritanRegistry registry, HistoricalDeeds historicalDeeds, DocumentNumbers numbers,
            BatchInserts inserts, Regions regions, FieldCipher cipher, JdbcClient jdbc, JdbcTemplate batch, AuditTrail audit,
            MessageSource messages, HouseholdChanges households, Clock clock) {
        this.registry = registry;
        this.households = households;
        this.historicalDeeds = historicalDeeds;
        this.numbers = numbers;
        this.inserts = inserts;
        this.regions = regions;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "samaritans";
    }

    @Override
    public String titleKey() {
        return "import.register.samaritans";
    }

    @Override
    public List<Column> columns() {
        List<String> counties = counties().stream().map(Region::name).toList();
        return List.of(
                new Column("name", "姓名", true, "见义勇为人员的姓名。", "陈建华", null),
                new Column("residentId", "身份证号", true,
                        "18 位居民身份证号码；15 位老号码会按国家标准自动升为 18 位。请把这一列设为“文本”，以免末几位被改成 0。"
                                + "同一人有几次事迹的，每次一行。",
                        "350582199001011234", null),
                new Column("region", "县（市、区）", true, "事迹所属县（市、区），从下拉列表中选择；新登记的人员也归这个县。", "晋江市",
                        counties),
                new Column("deedDate", "事迹发生日期", true, "如 2016-08-12、2016.8.12 或 2016年8月12日。", "2016-08-12", null),
                new Column("category", "事迹类别", true, "从下拉列表中选择。", label(DeedCategory.RESCUE), categories()),
                new Column("place", "事迹发生地点", true, "事迹发生的地点。", "晋江市安海镇安平桥", null),
                new Column("deedTitle", "事迹简述", true, "一句话说明做了什么，不超过 120 个字。", "跳入池塘救起落水儿童", null),
                new Column("harm", "伤亡情况", false, "从下拉列表中选择；不填为“未受伤”。", label(Harm.NONE), harms()),
                new Column("confirmedOn", "确认日期", true, "确认为见义勇为的日期，不早于事迹发生日期。", "2016-10-20", null),
                new Column("sourceDocument", "来源依据", true, "确认为见义勇为所依据的文件或台账，如确认决定文号、表彰决定文号、台账页码。",
                        "泉政文〔2016〕87号", null),
                new Column("phone", "联系电话", false, "手机或固定电话。", "13905951234", null),
                new Column("address", "住址", false, "现住址。", "晋江市安海镇西垵村", null),
                new Column("householdRegistration", "户籍地", false, "户籍所在地。", "福建省晋江市", null),
                new Column("employer", "工作单位", false, "工作单位或职业。", "晋江市某鞋业有限公司", null));
    }

    private List<Region> counties() {
        return regions.inListOrder().stream()
                .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.FUNCTIONAL_AREA).toList();
    }

    private List<String> categories() {
        return Arrays.stream(DeedCategory.values()).map(this::label).toList();
    }

    private List<String> harms() {
        return Arrays.stream(Harm.values()).map(this::label).toList();
    }

    private String label(DeedCategory category) {
        return messages.getMessage("deed.category." + category.name(), null, category.name(),
                Locale.SIMPLIFIED_CHINESE);
    }

    private String label(Harm harm) {
        return messages.getMessage("deed.harm." + harm.name(), null, harm.name(), Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, Region> counties = new HashMap<>();
        counties().forEach(county -> {
            counties.put(county.name(), county);
            counties.put(county.code(), county);
        });
        Map<String, DeedCategory> categories = new HashMap<>();
        for (DeedCategory category : DeedCategory.values()) {
            categories.put(label(category), category);
            categories.put(category.name(), category);
        }
        Map<String, Harm> harms = new HashMap<>();
        for (Harm harm : Harm.values()) {
            harms.put(label(harm), harm);
            harms.put(harm.name(), harm);
        }
        harms.put("无", Harm.NONE);
        harms.put("死亡", Harm.DIED);
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(check(me, cells, counties, categories, harms, today));
        }
        // a person on the registry outside the caller's counties is theirs to add deeds to, not the caller's
        Map<String, String> regionOfPerson = new HashMap<>();
        List<String> indexes = checks.stream().filter(Check::isValid).map(check -> indexOf(check.naturalKey()))
                .distinct().toList();
        for (int from = 0; from < indexes.size(); from += BATCH) {
            jdbc.sql("select resident_id_index, region_code from samaritan where resident_id_index in (:keys)")
                    .param("keys", indexes.subList(from, Math.min(indexes.size(), from + BATCH)))
                    .query(rs -> {
                        regionOfPerson.put(rs.getString(1), rs.getString(2));
                    });
        }
        List<Check> answered = new ArrayList<>(checks.size());
        for (Check check : checks) {
            String region = check.isValid() ? regionOfPerson.get(indexOf(check.naturalKey())) : null;
            answered.add(region != null && !me.scope().covers(region)
                    ? Check.refused(List.of(Problem.of("residentId", "import.samaritan.registered-elsewhere")))
                    : check);
        }
        return answered;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(CurrentUser me, Map<String, String> cells, Map<String, Region> counties,
            Map<String, DeedCategory> categories, Map<String, Harm> harms, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        String name = Cells.text(cells.get("name"));
        if (name == null) {
            problems.add(Problem.of("name", "validation.required"));
        } else if (name.length() > 60) {
            problems.add(Problem.of("name", "validation.too-long"));
        } else {
            values.put("name", name);
        }
        String rawId = Cells.text(cells.get("residentId"));
        String index = null;
        if (rawId != null && ROUNDED_NUMBER.matcher(rawId).matches()) {
            problems.add(Problem.of("residentId", "import.resident-id.rounded"));
        } else {
            try {
                ResidentId id = registry.residentId("residentId", Cells.residentId(rawId), true);
                values.put("residentId", id.value());
                index = cipher.blindIndex(id.value());
            } catch (InvalidField invalid) {
                problems.add(new Problem("residentId", invalid.messageKey(), invalid.arguments() == null ? List.of()
                        : List.of(invalid.arguments())));
            }
        }
        String region = Cells.text(cells.get("region"));
        if (region == null) {
            problems.add(Problem.of("region", "validation.required"));
        } else {
            Region found = counties.get(region);
            if (found == null) {
                problems.add(Problem.of("region", "import.region.unknown", region));
            } else if (!me.scope().covers(found.code())) {
                problems.add(Problem.of("region", "import.region.outside-scope", found.name()));
            } else {
                values.put("region", found.code());
            }
        }
        LocalDate deedDate = date(cells, "deedDate", problems, today);
        if (deedDate != null) {
            values.put("deedDate", deedDate.toString());
        }
        String category = Cells.text(cells.get("category"));
        if (category == null) {
            problems.add(Problem.of("category", "validation.required"));
        } else if (!categories.containsKey(category)) {
            problems.add(Problem.of("category", "import.deed.category.unknown", category));
        } else {
            values.put("category", categories.get(category).name());
        }
        text(cells, values, problems, "place", 200, true);
        text(cells, values, problems, "deedTitle", 120, true);
        String harm = Cells.text(cells.get("harm"));
        if (harm == null) {
            values.put("harm", Harm.NONE.name());
        } else if (!harms.containsKey(harm)) {
            problems.add(Problem.of("harm", "import.deed.harm.unknown", harm));
        } else {
            values.put("harm", harms.get(harm).name());
        }
        LocalDate confirmedOn = date(cells, "confirmedOn", problems, today);
        if (confirmedOn != null && deedDate != null && confirmedOn.isBefore(deedDate)) {
            problems.add(Problem.of("confirmedOn", "import.deed.confirmed-before-deed"));
        } else if (confirmedOn != null) {
            values.put("confirmedOn", confirmedOn.toString());
        }
        text(cells, values, problems, "sourceDocument", 500, true);
        String phone = Cells.text(cells.get("phone"));
        if (phone != null) {
            try {
                values.put("phone", PhoneNumber.optional("phone", Cells.ascii(phone)));
            } catch (InvalidField invalid) {
                problems.add(Problem.of("phone", invalid.messageKey()));
            }
        }
        text(cells, values, problems, "address", 200, false);
        text(cells, values, problems, "householdRegistration", 200, false);
        text(cells, values, problems, "employer", 200, false);
        return problems.isEmpty() ? Check.valid(values, index + "|" + deedDate) : Check.refused(problems);
    }

    private static LocalDate date(Map<String, String> cells, String key, List<Problem> problems, LocalDate today) {
        String raw = Cells.text(cells.get(key));
        if (raw == null) {
            problems.add(Problem.of(key, "validation.required"));
            return null;
        }
        LocalDate date;
        try {
            date = Cells.date(raw);
        } catch (IllegalArgumentException unreadable) {
            problems.add(Problem.of(key, "import.date.unreadable", raw));
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(Problem.of(key, "import.date.future"));
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            problems.add(Problem.of(key, "import.date.too-early"));
            return null;
        }
        return date;
    }

    private static void text(Map<String, String> cells, Map<String, String> values, List<Problem> problems,
            String key, int max, boolean required) {
        String text = Cells.text(cells.get(key));
        if (text == null) {
            if (required) {
                problems.add(Problem.of(key, "validation.required"));
            }
            return;
        }
        if (text.length() > max) {
            problems.add(Problem.of(key, "validation.too-long"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            problems.add(Problem.of(key, "validation.control-characters"));
        } else {
            values.put(key, text);
        }
    }

    private static String indexOf(String naturalKey) {
        return naturalKey.substring(0, naturalKey.indexOf('|'));
    }

    /** The keys (resident ID's blind index and day of the deed) of deeds the registry holds already. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<String> indexes = naturalKeys.stream().map(SamaritanImports::indexOf).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < indexes.size(); from += BATCH) {
            jdbc.sql("""
                    select s.resident_id_index, sd.occurred_on from samaritan_deed sd
                    join samaritan s on s.id = sd.samaritan_id where s.resident_id_index in (:keys)""")
                    .param("keys", indexes.subList(from, Math.min(indexes.size(), from + BATCH)))
                    .query(rs -> {
                        String key = rs.getString(1) + "|" + rs.getObject(2, LocalDate.class);
                        if (wanted.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    /** A person of the rows being saved: on the registry already, or new with the first row naming them. */
    private static final class Person {
        Long id;
        boolean isNew;
        Row first;
        Protected residentId;
        String status = SamaritanStatus.ACTIVE.name();
        LocalDate diedOn;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String actor = me.username();
        Map<String, Person> people = new LinkedHashMap<>();
        String[] rowIndex = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ResidentId id = ResidentId.parse(row.values().get("residentId"));
            String index = cipher.blindIndex(id.value());
            rowIndex[i] = index;
            Person person = people.get(index);
            if (person == null) {
                person = new Person();
                person.first = row;
                person.residentId = new Protected(cipher.encrypt(id.value()), index, id.masked());
                people.put(index, person);
            }
        }
        List<String> indexes = List.copyOf(people.keySet());
        for (int from = 0; from < indexes.size(); from += BATCH) {
            jdbc.sql("select id, resident_id_index from samaritan where resident_id_index in (:keys)")
                    .param("keys", indexes.subList(from, Math.min(indexes.size(), from + BATCH)))
                    .query(rs -> {
                        people.get(rs.getString(2)).id = rs.getLong(1);
                    });
        }
        // a person new to the registry takes the state the deeds of these rows left them in
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Person person = people.get(rowIndex[i]);
            if (person.id != null) {
                continue;
            }
            person.isNew = true;
            Harm harm = Harm.valueOf(row.values().get("harm"));
            LocalDate day = LocalDate.parse(row.values().get("deedDate"));
            if (harm == Harm.DIED) {
                person.status = SamaritanStatus.DECEASED.name();
                person.diedOn = person.diedOn == null || day.isBefore(person.diedOn) ? day : person.diedOn;
            } else if (harm == Harm.INJURED && person.diedOn == null) {
                person.status = SamaritanStatus.INJURED.name();
            }
        }
        insertPeople(people.values().stream().filter(person -> person.isNew).toList(), source, actor, at);

        List<HistoricalDeeds.HistoricalDeed> deeds = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Map<String, String> v = row.values();
            Protected id = people.get(rowIndex[i]).residentId;
            deeds.add(new HistoricalDeeds.HistoricalDeed(row.number(), v.get("region"),
                    DeedCategory.valueOf(v.get("category")), LocalDate.parse(v.get("deedDate")), v.get("place"),
                    v.get("deedTitle"), v.get("name"), id.encrypted(), id.blindIndex(), id.masked(),
                    Harm.valueOf(v.get("harm")), LocalDate.parse(v.get("confirmedOn")), v.get("sourceDocument")));
        }
        List<HistoricalDeeds.Recorded> recorded = historicalDeeds.record(actor, source.importId(), source.fileName(),
                deeds);

        List<Object[]> confirmations = new ArrayList<>(rows.size());
        List<Object[]> events = new ArrayList<>(rows.size());
        List<AuditRecord> entries = new ArrayList<>();
        List<Long> ids = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> v = rows.get(i).values();
            Person person = people.get(rowIndex[i]);
            HistoricalDeeds.Recorded deed = recorded.get(i);
            String document = v.get("sourceDocument");
            confirmations.add(new Object[] {person.id, deed.deedId(), deed.participantId(), deed.number(),
                    v.get("region"), v.get("category"), Date.valueOf(v.get("deedDate")), v.get("harm"),
                    Date.valueOf(v.get("confirmedOn")), document.length() <= 40 ? document : null,
                    source.importId()});
            events.add(new Object[] {person.id, at, actor, "DEED_CONFIRMED",
                    deed.number() + " · " + (document.length() > 400 ? document.substring(0, 400) : document)});
            if (!person.isNew) {
                entries.add(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, person.id).byActor(actor)
                        .withDetail("deed " + deed.number() + " imported with import " + source.importId() + ", row "
                                + rows.get(i).number()));
            }
            ids.add(person.id);
        }
        for (int from = 0; from < confirmations.size(); from += BATCH) {
            int to = Math.min(confirmations.size(), from + BATCH);
            batch.batchUpdate("""
                    insert into samaritan_deed (samaritan_id, deed_id, participant_id, deed_number, region_code,
                                                category, occurred_on, harm, confirmed_on, decision_number, import_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", confirmations.subList(from, to));
            batch.batchUpdate("""
                    insert into samaritan_event (samaritan_id, occurred_at, actor, kind, detail)
                    values (?, ?, ?, ?, ?)""", events.subList(from, to));
        }
        audit.recordAtCommit(entries);
        households.changed(ids);
        return ids;
    }

    /** Writes the people new to the registry, numbered in one block per county, with their first events. */
    private void insertPeople(List<Person> fresh, Source source, String actor, Timestamp at) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, List<Person>> byCounty = new LinkedHashMap<>();
        fresh.forEach(person -> byCounty.computeIfAbsent(person.first.values().get("region"), k -> new ArrayList<>())
                .add(person));
        List<Object[]> rows = new ArrayList<>(fresh.size());
        List<Person> inOrder = new ArrayList<>(fresh.size());
        byCounty.forEach((county, people) -> {
            int first = numbers.reserve("samaritan_number_sequence", Map.of("region_code", county), people.size());
            for (int n = 0; n < people.size(); n++) {
                Person person = people.get(n);
                Map<String, String> v = person.first.values();
                ResidentId id = ResidentId.parse(v.get("residentId"));
                rows.add(new Object[] {numbers.format(DocumentKind.SAMARITAN, first + n, Map.of("region", county)),
                        county, v.get("name"), id.isMale() ? Gender.MALE.name() : Gender.FEMALE.name(),
                        Date.valueOf(id.birthDate()), person.residentId.encrypted(), person.residentId.blindIndex(),
                        person.residentId.masked(), v.get("phone"), v.get("address"), v.get("householdRegistration"),
                        v.get("employer"), person.status, person.diedOn == null ? null : Date.valueOf(person.diedOn),
                        SamaritanSource.HISTORICAL.name(), v.get("sourceDocument"), actor, at, at, source.importId(),
                        person.first.number()});
                inOrder.add(person);
            }
        });
        List<Long> ids = inserts.insert("samaritan", """
                number, region_code, name, gender, birth_date, resident_id, resident_id_index, resident_id_masked, phone,
                address, household_registration, employer, status, died_on, source, source_document, created_by,
                created_at, updated_at, import_id, import_row""", rows);
        for (int i = 0; i < inOrder.size(); i++) {
            inOrder.get(i).id = ids.get(i);
        }
        List<Object[]> events = new ArrayList<>(fresh.size() * 2);
        List<AuditRecord> entries = new ArrayList<>(fresh.size());
        for (Person person : fresh) {
            events.add(new Object[] {person.id, at, actor, "REGISTERED", person.first.values().get("sourceDocument")});
            events.add(new Object[] {person.id, at, actor, "IMPORTED",
                    source.fileName() + " 第 " + person.first.number() + " 行"});
            entries.add(AuditRecord.of(AuditAction.CREATE, SamaritanRegistry.ENTITY, person.id).byActor(actor)
                    .withDetail("imported with import " + source.importId() + ", row " + person.first.number()));
        }
        for (int from = 0; from < events.size(); from += BATCH) {
            batch.batchUpdate("""
                    insert into samaritan_event (samaritan_id, occurred_at, actor, kind, detail)
                    values (?, ?, ?, ?, ?)""", events.subList(from, Math.min(events.size(), from + BATCH)));
        }
        audit.recordAtCommit(entries);
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> people = jdbc.sql("select id from samaritan where import_id = :id order by id")
                .param("id", importId).query(Long.class).list();
        List<Object[]> confirmations = jdbc.sql("""
                select id, samaritan_id, deed_number from samaritan_deed where import_id = :id order by id""")
                .param("id", importId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .list();
        for (int from = 0; from < people.size(); from += BATCH) {
            List<Long> part = people.subList(from, Math.min(people.size(), from + BATCH));
            long used = jdbc.sql("""
                    select (select count(*) from samaritan_deed where samaritan_id in (:ids)
                                and (import_id is null or import_id <> :import))
                         + (select count(*) from relative where samaritan_id in (:ids))
                         + (select count(*) from samaritan_tracing where samaritan_id in (:ids))""")
                    .param("ids", part).param("import", importId).query(Long.class).single();
            if (used > 0) {
                throw new ImportInUse();
            }
        }
        try {
            // the deeds added to people who were on the registry already leave their timelines with them
            List<Object[]> events = confirmations.stream().map(c -> new Object[] {c[1], c[2] + " · %"}).toList();
            for (int from = 0; from < events.size(); from += BATCH) {
                batch.batchUpdate("""
                        delete from samaritan_event where samaritan_id = ? and kind = 'DEED_CONFIRMED'
                        and detail like ?""", events.subList(from, Math.min(events.size(), from + BATCH)));
            }
            jdbc.sql("delete from samaritan_deed where import_id = :id").param("id", importId).update();
            for (int from = 0; from < people.size(); from += BATCH) {
                List<Long> part = people.subList(from, Math.min(people.size(), from + BATCH));
                jdbc.sql("delete from samaritan_event where samaritan_id in (:ids)").param("ids", part).update();
                jdbc.sql("delete from samaritan where id in (:ids)").param("ids", part).update();
            }
        } catch (DataIntegrityViolationException referencedElsewhere) {
            // a disability case, a benefit, an honour, a visit, a payment… refers to one of them (foreign keys)
            throw new ImportInUse();
        }
        historicalDeeds.remove(me.username(), importId);
        Set<Long> removed = new HashSet<>(people);
        List<AuditRecord> entries = new ArrayList<>();
        people.forEach(id -> entries.add(AuditRecord.of(AuditAction.DELETE, SamaritanRegistry.ENTITY, id)
                .byActor(me.username()).withDetail("removed with import " + importId)));
        confirmations.stream().filter(c -> !removed.contains((Long) c[1])).forEach(c -> entries.add(
                AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, c[1]).byActor(me.username())
                        .withDetail("deed " + c[2] + " removed with import " + importId)));
        audit.recordAtCommit(entries);
        households.changed(people);
        return confirmations.size();
    }

    /** An import whose people are already referred to (a deed, a relative, an honour, a visit…) stays. */
    static final class ImportInUse extends DomainException {
        ImportInUse() {
            super(Kind.CONFLICT, "import.undo.in-use");
        }
    }
}
