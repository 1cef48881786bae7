package org.yiyong.samaritans.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.yiyong.audit.Changes;
import org.yiyong.samaritans.DeathKind;
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.shared.RecordNotFound;

/**
 * One person in the registry of samaritans, holding what the city owes them and their family. The
 * record belongs to a county (its data scope): the one that confirmed them, or where they live.
 */
@Entity
@jakarta.persistence.EntityListeners(HouseholdChanges.class)
@Table(name = "samaritan")
public class Samaritan extends TrackedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String number;

    private String regionCode;

    private String name;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    private LocalDate birthDate;

    private String residentId;

    private String residentIdIndex;

    private String residentIdMasked;

    private String bankName;

    private String bankAccount;

    private String bankAccountIndex;

    private String bankAccountMasked;

    private String phone;

    private String address;

    private String householdRegistration;

    private String employer;

    @Enumerated(EnumType.STRING)
    private SamaritanStatus status;

    @Enumerated(EnumType.STRING)
    private DeathKind deathKind;

    private LocalDate diedOn;

    private boolean lostContact;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private SamaritanSource source;

    private String sourceDocument;

    private Long importId;

    private Integer importRow;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "samaritan_id", nullable = false)
    @OrderBy("id")
    private List<ConfirmedDeed> deeds = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "samaritan_id", nullable = false)
    @OrderBy("id")
    private List<Relative> family = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "samaritan_id", nullable = false)
    @OrderBy("id")
    private List<Tracing> tracings = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "samaritan_id", nullable = false)
    @OrderBy("id")
    private List<SamaritanEvent> events = new ArrayList<>();

    protected Samaritan() {
    }

    public Samaritan(String number, String regionCode, String name, Protected residentId, Gender gender,
            LocalDate birthDate,
            SamaritanSource source, String sourceDocument, String createdBy, Instant now) {
        super(createdBy, now);
        this.number = number;
        this.regionCode = regionCode;
        this.name = name;
        if (residentId != null) {
            this.residentId = residentId.encrypted();
            this.residentIdIndex = residentId.blindIndex();
            this.residentIdMasked = residentId.masked();
        }
        this.gender = gender;
        this.birthDate = birthDate;
        this.status = SamaritanStatus.ACTIVE;
        this.source = source;
        this.sourceDocument = sourceDocument;
        record(now, createdBy, "REGISTERED", source == SamaritanSource.HISTORICAL ? sourceDocument : null);
    }

    /** A confirmation joins the record; an injury or a death in the act shows in the status. */
    public void confirmedBy(ConfirmedDeed deed, String actor, Instant now) {
        deeds.add(deed);
        if ("DIED".equals(deed.getHarm())) {
            this.status = SamaritanStatus.DECEASED;
            this.diedOn = this.diedOn == null ? deed.getOccurredOn() : this.diedOn;
        } else if ("INJURED".equals(deed.getHarm()) && status == SamaritanStatus.ACTIVE) {
            this.status = SamaritanStatus.INJURED;
        }
        record(now, actor, "DEED_CONFIRMED", deed.getDeedNumber() + (deed.getDecisionNumber() == null ? ""
                : " · " + deed.getDecisionNumber()));
    }

    public boolean hasParticipant(long participantId) {
        return deeds.stream().anyMatch(deed -> deed.getParticipantId() == participantId);
    }

    public void contact(String phone, String address, String householdRegistration, String employer, String actor,
            Instant now) {
        this.phone = phone;
        this.address = address;
        this.householdRegistration = householdRegistration;
        this.employer = employer;
        record(now, actor, "CONTACT_UPDATED", null);
    }

    public void bankAccount(String bankName, Protected account, String actor, Instant now) {
        this.bankName = bankName;
        this.bankAccount = account == null ? null : account.encrypted();
        this.bankAccountIndex = account == null ? null : account.blindIndex();
        this.bankAccountMasked = account == null ? null : account.masked();
        record(now, actor, "BANK_ACCOUNT_UPDATED", account == null ? null : account.masked());
    }

    /** 失联: the association lost contact; tracing attempts follow until one finds them. */
    public void loseContact(String note, String actor, Instant now) {
        this.lostContact = true;
        record(now, actor, "CONTACT_LOST", note);
    }

    public Tracing trace(LocalDate on, String note, boolean found, String actor, Instant now) {
        Tracing tracing = new Tracing(on, note, found, actor);
        tracings.add(tracing);
        if (found) {
            this.lostContact = false;
        }
        record(now, actor, found ? "FOUND" : "TRACED", note);
        return tracing;
    }

    Relative addRelative(Relation relation, String relativeName, Protected residentId, LocalDate relativeBirthDate,
            String relativePhone, String actor, Instant now) {
        Relative relative = new Relative(relation, relativeName, residentId, relativeBirthDate, relativePhone);
        family.add(relative);
        record(now, actor, "RELATIVE_ADDED", relativeName);
        return relative;
    }

    Relative relative(long relativeId) {
        return family.stream().filter(r -> r.getId() == relativeId).findFirst()
                .orElseThrow(() -> new RecordNotFound("Relative", relativeId));
    }

    void noteChange(String kind, String detail, String actor, Instant now) {
        record(now, actor, kind, detail);
    }

    /** The death is on record: the person is deceased, as a martyr, on duty, otherwise, or (null) pending 评烈. */
    void deathDetermined(DeathKind kind, LocalDate on, String actor, Instant now) {
        this.status = SamaritanStatus.DECEASED;
        this.deathKind = kind;
        this.diedOn = on;
        record(now, actor, "DEATH_DETERMINED", (kind == null ? "PENDING" : kind.name()) + " · " + on);
    }

    /**
     * Ends every entitlement whose condition is met on or before {@code today}, on the day it was met,
     * and says so on the timeline. Returns what it ended.
     */
    List<EndedEntitlement> endDueEntitlements(LocalDate today, String actor, Instant now) {
        List<EndedEntitlement> ended = new ArrayList<>();
        for (Relative relative : family) {
            for (Entitlement entitlement : relative.getEntitlements()) {
                if (!entitlement.isActive()) {
                    continue;
                }
                entitlement.ending(relative).filter(ending -> !ending.on().isAfter(today)).ifPresent(ending -> {
                    entitlement.end(ending.on(), ending.cause().name());
                    ended.add(new EndedEntitlement(relative.getName(), entitlement.getKind(), ending.on(),
                            ending.cause()));
                    record(now, actor, "ENTITLEMENT_ENDED", relative.getName() + " · " + entitlement.getKind().name()
                            + " · " + ending.cause().name() + " · " + ending.on());
                });
            }
        }
        return ended;
    }

    /** 评残: the province approved a disability grade; a person who has died keeps that status. */
    void disabled(int grade, LocalDate approvedOn, String approvedBy, String certificateNumber, String actor,
            Instant now) {
        if (status != SamaritanStatus.DECEASED) {
            this.status = SamaritanStatus.DISABLED;
        }
        record(now, actor, "DISABILITY_APPROVED", grade + "级 · " + approvedBy + " " + approvedOn + " · "
                + certificateNumber);
    }

    private void record(Instant now, String actor, String kind, String detail) {
        changedAt(now);
        events.add(new SamaritanEvent(now, actor, kind, detail));
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("number", number, "regionCode", regionCode, "name", name, "status", status,
                "residentId", residentIdMasked, "bankAccount", bankAccountMasked, "lostContact", lostContact);
    }

    /** An entitlement Yiyong ended because its condition was met. */
    public record EndedEntitlement(String relativeName, EntitlementKind kind, LocalDate on, EndCondition cause) {
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getName() {
        return name;
    }

    public Gender getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getResidentIdEncrypted() {
        return residentId;
    }

    public String getResidentIdIndex() {
        return residentIdIndex;
    }

    public String getResidentIdMasked() {
        return residentIdMasked;
    }

    public String getBankName() {
        return bankName;
    }

    public String getBankAccountEncrypted() {
        return bankAccount;
    }

    public String getBankAccountMasked() {
        return bankAccountMasked;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public String getHouseholdRegistration() {
        return householdRegistration;
    }

    public String getEmployer() {
        return employer;
    }

    public SamaritanStatus getStatus() {
        return status;
    }

    public DeathKind getDeathKind() {
        return deathKind;
    }

    public LocalDate getDiedOn() {
        return diedOn;
    }

    public boolean isLostContact() {
        return lostContact;
    }

    public SamaritanSource getSource() {
        return source;
    }

    public String getSourceDocument() {
        return sourceDocument;
    }

    /** The import this person came in with, if any. */
    public Long getImportId() {
        return importId;
    }

    /** The row of the import's file this person came from. */
    public Integer getImportRow() {
        return importRow;
    }

    /** Notes that this person came in with an import, from a row of its file, on the timeline too. */
    public void imported(long importId, int row, String fileName, String actor, Instant now) {
        this.importId = importId;
        this.importRow = row;
        record(now, actor, "IMPORTED", fileName + " 第 " + row + " 行");
    }

    public List<ConfirmedDeed> getDeeds() {
        return deeds;
    }

    public List<Relative> getFamily() {
        return family;
    }

    public List<Tracing> getTracings() {
        return tracings;
    }

    public List<SamaritanEvent> getEvents() {
        return events;
    }
}
