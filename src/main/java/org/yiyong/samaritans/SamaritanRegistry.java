package org.yiyong.samaritans;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.deeds.DeedConfirmed;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.internal.AlreadyRegistered;
import org.yiyong.samaritans.internal.ConfirmedDeed;
import org.yiyong.samaritans.internal.Gender;
import org.yiyong.samaritans.internal.NewSamaritan;
import org.yiyong.samaritans.internal.Protected;
import org.yiyong.samaritans.internal.Samaritan;
import org.yiyong.samaritans.internal.SamaritanFilter;
import org.yiyong.samaritans.internal.SamaritanNumbers;
import org.yiyong.samaritans.internal.SamaritanSource;
import org.yiyong.samaritans.internal.SamaritanSummary;
import org.yiyong.samaritans.internal.Samaritans;
import org.yiyong.shared.DataScope;
import org.yiyong.platform.Database;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Masking;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.shared.ResidentId;

/**
 * The registry of samaritans: people registered when a deed confirms them, or by hand from earlier
 * records; their contact details, bank account, lost contact and tracing. Resident ID and bank account
 * numbers are kept encrypted and shown masked; showing one in full takes a reason and is audited.
 */
@Service
public class SamaritanRegistry {

    public static final String ENTITY = "Samaritan";
    public static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";
    public static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF', 'LEADER')";

    private final Samaritans samaritans;
    private final SamaritanNumbers numbers;
    private final Regions regions;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Database database;

    SamaritanRegistry(Samaritans samaritans, SamaritanNumbers numbers, Regions regions, FieldCipher cipher,
            JdbcClient jdbc, AuditTrail audit, Clock clock, Database database) {
        this.database = database;
        this.samaritans = samaritans;
        this.numbers = numbers;
        this.regions = regions;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Enters a person from the records kept before Yiyong, with the document the entry rests on. */
    @Transactional
    @PreAuthorize(WRITE)
    public Samaritan register(CurrentUser me, NewSamaritan request) {
        requireRegion(me, request.regionCode());
        String name = text("name", request.name(), 60, true);
        ResidentId id = residentId("residentId", request.residentId(), true);
        String document = text("sourceDocument", request.sourceDocument(), 500, true);
        Protected protectedId = protect(id);
        samaritans.findByResidentIdIndex(protectedId.blindIndex()).ifPresent(existing -> {
            if (me.scope().covers(existing.getRegionCode())) {
                throw AlreadyRegistered.as(existing.getNumber());
            }
            audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, ENTITY, existing.getId())
                    .withDetail("registration refused: resident ID registered outside data scope"));
            throw AlreadyRegistered.elsewhere();
        });
        Instant now = clock.instant();
        Samaritan samaritan = new Samaritan(numbers.next(request.regionCode()), request.regionCode(), name,
                protectedId, id.isMale() ? Gender.MALE : Gender.FEMALE, id.birthDate(), SamaritanSource.HISTORICAL,
                document, me.username(), now);
        samaritan.contact(text("phone", request.phone(), 40, false), text("address", request.address(), 200, false),
                text("householdRegistration", request.householdRegistration(), 200, false),
                text("employer", request.employer(), 200, false), me.username(), now);
        samaritans.saveAndFlush(samaritan);
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, samaritan.getId())
                .withChanges(Changes.created(samaritan.snapshot())));
        return samaritan;
    }

    /**
     * The place of a confirmed participant among the people one decision confirmed, counted from 1 in the
     * order they were named in the deed.
     */
    public int placeInDecision(long deedId, long participantId) {
        return jdbc.sql("""
                select count(*) from samaritan_deed where deed_id = :deed and participant_id <= :participant""")
                .param("deed", deedId)
                .param("participant", participantId)
                .query(Integer.class).single();
    }

    /**
     * A confirmed actor joins the registry: the person's record when the ID number is already there
     * (or when this participant was registered before), a new record in the deed's county otherwise.
     */
    @Transactional
    public Samaritan registerConfirmed(DeedConfirmed confirmed) {
        Instant now = clock.instant();
        Samaritan samaritan = null;
        if (confirmed.residentIdIndex() != null) {
            samaritan = samaritans.findByResidentIdIndex(confirmed.residentIdIndex()).orElse(null);
        }
        if (samaritan != null && samaritan.hasParticipant(confirmed.participantId())) {
            return samaritan;
        }
        if (samaritan == null) {
            Gender gender = null;
            LocalDate birthDate = null;
            Protected id = null;
            if (confirmed.residentIdEncrypted() != null) {
                ResidentId parsed = ResidentId.parse(cipher.decrypt(confirmed.residentIdEncrypted()));
                gender = parsed.isMale() ? Gender.MALE : Gender.FEMALE;
                birthDate = parsed.birthDate();
                id = protect(parsed);
            }
            samaritan = new Samaritan(numbers.next(confirmed.regionCode()), confirmed.regionCode(), confirmed.name(),
                    id, gender, birthDate, SamaritanSource.DEED, null, "system", now);
        }
        samaritan.confirmedBy(new ConfirmedDeed(confirmed.deedId(), confirmed.participantId(), confirmed.deedNumber(),
                confirmed.regionCode(), confirmed.category().name(), confirmed.occurredOn(), confirmed.harm().name(),
                confirmed.confirmedOn(), confirmed.decisionNumber()), "system", now);
        boolean isNew = samaritan.getId() == null;
        samaritans.saveAndFlush(samaritan);
        audit.record(AuditRecord.of(isNew ? AuditAction.CREATE : AuditAction.UPDATE, ENTITY, samaritan.getId())
                .withDetail("confirmed by " + confirmed.deedNumber()).byActor("system"));
        return samaritan;
    }

    /** A record in the caller's scope; one outside it is not found, and the attempt is audited. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Samaritan get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    /**
     * A record in the caller's scope as other modules see it (a copy, with its confirmations and family);
     * one outside the scope is not found, and the attempt is audited.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public SamaritanProfile profile(CurrentUser me, long id) {
        return SamaritanProfile.of(inScope(me, id));
    }

    /** A record the caller has opened, as other modules see it. */
    public SamaritanProfile profileOf(Samaritan samaritan) {
        return SamaritanProfile.of(samaritan);
    }

    public Samaritan inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                samaritans.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), samaritans::existsById);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public Samaritan updateContact(CurrentUser me, long id, String phone, String address,
            String householdRegistration, String employer) {
        Samaritan samaritan = inScope(me, id);
        var before = samaritan.snapshot();
        samaritan.contact(text("phone", phone, 40, false), text("address", address, 200, false),
                text("householdRegistration", householdRegistration, 200, false), text("employer", employer, 200, false),
                me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                samaritan.snapshot())).withDetail("contact details"));
        return samaritan;
    }

    /** The account pensions and grants are paid to; digits only, kept encrypted, shown as 6222 **** **** 0123. */
    @Transactional
    @PreAuthorize(WRITE)
    public Samaritan updateBankAccount(CurrentUser me, long id, String bankName, String accountNumber) {
        String digits = accountNumber == null ? "" : accountNumber.replaceAll("\\s+", "");
        if (!digits.matches("\\d{12,30}")) {
            throw new InvalidField("bankAccount", "samaritan.bank-account.invalid");
        }
        String bank = text("bankName", bankName, 100, true);
        Samaritan samaritan = inScope(me, id);
        var before = samaritan.snapshot();
        samaritan.bankAccount(bank, new Protected(cipher.encrypt(digits), cipher.blindIndex(digits),
                Masking.bankAccount(digits)), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                samaritan.snapshot())).withDetail("bank account"));
        return samaritan;
    }

    @Transactional
    @PreAuthorize(WRITE)
    public Samaritan loseContact(CurrentUser me, long id, String note) {
        String why = text("note", note, 500, true);
        Samaritan samaritan = inScope(me, id);
        samaritan.loseContact(why, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("contact lost: " + why));
        return samaritan;
    }

    /** 寻找失联: one attempt, and whether it found them (which clears the lost-contact flag). */
    @Transactional
    @PreAuthorize(WRITE)
    public Samaritan trace(CurrentUser me, long id, LocalDate on, String note, boolean found) {
        String what = text("note", note, 1000, true);
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (day.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("tracedOn", "samaritan.date.future");
        }
        Samaritan samaritan = inScope(me, id);
        samaritan.trace(day, what, found, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail((found ? "found: " : "traced: ") + what));
        return samaritan;
    }

    /** Which protected number may be shown in full. */
    public enum SensitiveField {
        RESIDENT_ID,
        BANK_ACCOUNT
    }

    /** A protected number in full, for a stated reason, written to the audit trail. */
    @Transactional
    @PreAuthorize(WRITE)
    public String unmask(CurrentUser me, long id, SensitiveField field, String reason) {
        Inputs.required("field", field);
        String why = text("reason", reason, 200, true);
        if (why.length() < 4) {
            throw new InvalidField("reason", "samaritan.unmask.reason-short");
        }
        Samaritan samaritan = inScope(me, id);
        String stored = field == SensitiveField.RESIDENT_ID ? samaritan.getResidentIdEncrypted()
                : samaritan.getBankAccountEncrypted();
        if (stored == null) {
            throw new RecordNotFound(field.name(), id);
        }
        audit.record(AuditRecord.of(AuditAction.SENSITIVE_VIEWED, ENTITY, id).withDetail(field + ": " + why));
        return cipher.decrypt(stored);
    }

    /** The people with this exact resident ID number, within the scope (found through the blind index). */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Samaritan> findByResidentId(CurrentUser me, String residentId) {
        ResidentId id = residentId("residentId", residentId, true);
        return samaritans.findByResidentIdIndexAndRegionCodeIn(cipher.blindIndex(id.value()),
                me.scope().regionCodes());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PageResult<SamaritanSummary> search(DataScope scope, SamaritanFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String condition = " where " + condition(scope, filter, params);
        long counted = jdbc.sql("select count(*) from (select 1 from samaritan s" + condition + " limit :cap) c")
                .params(params).param("cap", PageResult.COUNT_CAP + 1).query(Long.class).single();
        List<SamaritanSummary> items = jdbc.sql("""
                select s.id, s.number, s.name, s.resident_id_masked, s.region_code, s.status,
                       s.lost_contact, (select count(*) from samaritan_deed d where d.samaritan_id = s.id) as deeds
                from samaritan s""" + condition
                        // with a text of three characters and more, "id + 0" keeps the planner from walking the
                        // whole registry newest first for the few names it finds: they come from their trigram
                        // index (two characters on PostgreSQL: their pair index), then sorted; a single character
                        // has neither, and newest first finds a page soonest
                        + (params.containsKey("pair") || params.containsKey("q") && filter.q().trim().length() >= 3
                                ? " order by s.id + 0 desc"
                                : " order by s.id desc")
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> new SamaritanSummary(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                        rs.getString("resident_id_masked"), rs.getString("region_code"), regions.nameOf(rs.getString("region_code")),
                        SamaritanStatus.valueOf(rs.getString("status")), rs.getBoolean("lost_contact"),
                        rs.getInt("deeds")))
                .list();
        return PageResult.counted(items, page.page(), page.size(), counted);
    }

    /**
     * The bank account a payment to this person goes to, in full, for a cashier's bank file. The caller
     * writes the view to the audit trail with its reason (the batch it pays).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<BankAccount> bankAccountForPayment(long id) {
        return samaritans.findById(id).filter(s -> s.getBankAccountEncrypted() != null)
                .map(s -> new BankAccount(s.getBankName(), cipher.decrypt(s.getBankAccountEncrypted()), s.getName()));
    }

    /**
     * {@link #bankAccountForPayment} for many people at once (a batch of a campaign's payments): those of the ids
     * the registry holds an account for, by id.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, BankAccount> bankAccountsForPayment(java.util.Collection<Long> ids) {
        java.util.Map<Long, BankAccount> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, name, bank_name, bank_account from samaritan where id in (:ids) and bank_account is not null")
                .param("ids", ids)
                .query((rs, row) -> found.put(rs.getLong("id"), new BankAccount(rs.getString("bank_name"),
                        cipher.decrypt(rs.getString("bank_account")), rs.getString("name"))))
                .list();
        return found;
    }

    /** Where money for a person goes: the bank, the account number and the holder's name. */
    public record BankAccount(String bankName, String accountNumber, String holder) {
    }

    /** A person's name, for documents and public checks that show nothing else (a certificate's holder). */
    @Transactional(readOnly = true)
    public String nameOf(long id) {
        return samaritans.findById(id).map(Samaritan::getName).orElseThrow(() -> new RecordNotFound(ENTITY, id));
    }

    /** How many people the registry holds in a scope, and how many of them are lost contact. */
    @Transactional(readOnly = true)
    public Counts counts(DataScope scope) {
        return jdbc.sql("select count(*) as total, coalesce(sum(case when lost_contact then 1 else 0 end), 0) as lost "
                        + "from samaritan where region_code in (:scope)")
                .param("scope", scope.regionCodes())
                .query((rs, row) -> new Counts(rs.getLong("total"), rs.getLong("lost")))
                .single();
    }

    /** The registry's size in a scope. */
    public record Counts(long total, long lostContact) {
    }

    /**
     * The SQL condition (on alias {@code s}) for a filter within a scope, filling in its parameters. A
     * whole resident ID number, or 12–30 digits of a bank account, is matched through its blind index.
     */
    public String condition(DataScope scope, SamaritanFilter filter, Map<String, Object> params) {
        List<String> where = new ArrayList<>(List.of("s.region_code in (:scope)"));
        params.put("scope", scope.regionCodes());
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().trim();
            String digits = q.replaceAll("\\s+", "");
            if (ResidentId.isValid(q)) {
                where.add("s.resident_id_index = :index");
                params.put("index", cipher.blindIndex(ResidentId.parse(q).value()));
            } else if (digits.matches("\\d{12,30}")) {
                where.add("s.bank_account_index = :account");
                params.put("account", cipher.blindIndex(digits));
            } else if (database.isPostgres() && q.codePointCount(0, q.length()) == 2) {
                // two characters make no trigram: the rows are found by the pair (V70), which a text holds exactly
                // when it holds the two characters. No LIKE beside it: a prepared statement's generic plan read
                // LIKE of an unknown pattern through the trigram indexes, every row of them (466 ms for 马荣)
                where.add("(yiyong_pairs(lower(s.name)) @> array[cast(:pair as text)]"
                        + " or yiyong_pairs(lower(s.number)) @> array[cast(:pair as text)])");
                params.put("pair", q.toLowerCase(Locale.ROOT));
            } else {
                where.add("(lower(s.name) like :q or lower(s.number) like :q)");
                params.put("q", "%" + q.toLowerCase(Locale.ROOT) + "%");
            }
        }
        if (filter.status() != null) {
            where.add("s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            where.add("s.region_code = :region");
            params.put("region", filter.regionCode().trim());
        }
        if (filter.lostContact() != null) {
            where.add("s.lost_contact = :lost");
            params.put("lost", filter.lostContact());
        }
        return String.join(" and ", where);
    }

    /** A person on the registry as found by their resident ID: the record's id and county. */
    public record Found(long id, String regionCode) {
    }

    /**
     * The people on the registry with these resident ID numbers (as given, 18 digits), in any county: for work that
     * names many people by their ID at once (an import), which then keeps to the caller's counties itself.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(WRITE)
    public Map<String, Found> byResidentIds(Collection<String> residentIds) {
        Map<String, String> idOfIndex = new HashMap<>();
        residentIds.forEach(id -> idOfIndex.put(cipher.blindIndex(id), id));
        Map<String, Found> found = new HashMap<>();
        List<String> indexes = List.copyOf(idOfIndex.keySet());
        for (int from = 0; from < indexes.size(); from += 1000) {
            jdbc.sql("select id, resident_id_index, region_code from samaritan where resident_id_index in (:keys)")
                    .param("keys", indexes.subList(from, Math.min(indexes.size(), from + 1000)))
                    .query(rs -> {
                        found.put(idOfIndex.get(rs.getString(2)), new Found(rs.getLong(1), rs.getString(3)));
                    });
        }
        return found;
    }

    public Protected protect(ResidentId id) {
        return new Protected(cipher.encrypt(id.value()), cipher.blindIndex(id.value()), id.masked());
    }

    public ResidentId residentId(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidField(field, "validation.required");
            }
            return null;
        }
        try {
            return ResidentId.parse(value, LocalDate.now(clock));
        } catch (InvalidField invalid) {
            throw new InvalidField(field, invalid.messageKey(), invalid.arguments());
        }
    }

    private void requireRegion(CurrentUser me, String regionCode) {
        Inputs.requiredText("regionCode", regionCode);
        var region = regions.find(regionCode)
                .orElseThrow(() -> new InvalidField("regionCode", "organization.region.unknown"));
        if (region.level() != RegionLevel.COUNTY && region.level() != RegionLevel.FUNCTIONAL_AREA) {
            throw new InvalidField("regionCode", "deed.region.county-level");
        }
        if (!me.scope().covers(regionCode)) {
            throw new InvalidField("regionCode", "samaritan.region.outside-scope");
        }
    }

    public static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidField(field, "validation.required");
            }
            return null;
        }
        if (value.trim().length() > max) {
            throw new InvalidField(field, "validation.too-long");
        }
        return value.trim();
    }
}
