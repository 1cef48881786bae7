package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.documents.PdfDocuments;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.organization.Region;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/**
 * The associations' funds and the money that comes in: restricted sub-funds, opening balances,
 * donors, donations with their numbered receipts, and the reversal of a donation recorded in error.
 */
@Service
public class FundRegister {

    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER', 'CASHIER', 'LEADER')";
    /** the largest amount numeric(14,2) holds */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final Funds funds;
    private final Donors donors;
    private final Donations donations;
    private final Journal journal;
    private final FundNumbers numbers;
    private final PdfDocuments documents;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final OrganizationLookup organizations;
    private final SamaritanDirectory people;
    private final AuditTrail audit;
    private final FundProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    FundRegister(Funds funds, Donors donors, Donations donations, Journal journal, FundNumbers numbers,
            PdfDocuments documents, JdbcClient jdbc, Regions regions, OrganizationLookup organizations,
            SamaritanDirectory people, AuditTrail audit, FundProperties properties, Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.properties = properties;
        this.funds = funds;
        this.donors = donors;
        this.donations = donations;
        this.journal = journal;
        this.numbers = numbers;
        this.documents = documents;
        this.jdbc = jdbc;
        this.regions = regions;
        this.organizations = organizations;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** A fund with its balance today. */
    public record FundBalance(Fund fund, BigDecimal balance) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<FundBalance> funds(CurrentUser me) {
        List<Fund> found = funds.findByRegionCodeInOrderByRegionCodeAscParentIdAscIdAsc(me.scope().regionCodes());
        Map<Long, BigDecimal> balances = journal.balances(found.stream().map(Fund::getId).toList());
        return found.stream().map(fund -> new FundBalance(fund, balances.get(fund.getId()))).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Fund fund(CurrentUser me, long id) {
        return inScope(me, id);
    }

    Fund inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, "Fund", id,
                funds.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), funds::existsById);
    }

    /**
     * The general fund of the association that pays for a region: the region's own, else the one of the region above
     * it (a county without a fund of its own pays from its city's); {@code null}, or a region not found, the city's.
     */
    Fund generalFundOf(String regionCode) {
        String region = regionCode == null ? cityCode() : regionCode;
        while (region != null) {
            Optional<Fund> fund = funds.findByRegionCodeAndParentIdIsNull(region);
            if (fund.isPresent()) {
                return fund.get();
            }
            region = regions.find(region).map(Region::parentCode).orElse(null);
        }
        return funds.findByRegionCodeAndParentIdIsNull(cityCode())
                .orElseThrow(() -> new IllegalStateException("no general fund for " + regionCode));
    }

    String cityCode() {
        return regions.city().code();
    }

    /** The association that keeps a region's fund, as receipts and reports name it. */
    String associationOf(String regionCode) {
        return organizations.associationOf(regionCode).orElseGet(() -> regions.find(regionCode)
                .orElseThrow(() -> new IllegalStateException("no region " + regionCode)).name() + "见义勇为协会");
    }

    /** A region a user can pick (for a restriction, a report). */
    public record RegionChoice(String code, String name) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<RegionChoice> regions(CurrentUser me) {
        return regions.inListOrder().stream().filter(region -> me.scope().covers(region.code()))
                .map(region -> new RegionChoice(region.code(), region.name())).toList();
    }

    /** A restricted sub-fund (专款专用) of a general fund: for one purpose, one region or one person. */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'FINANCE_REVIEWER')")
    public Fund createSubFund(CurrentUser me, long parentId, String name, Fund.Restriction restriction,
            PaymentPurpose purpose, String region, Long samaritanId, String note, LocalDate openedOn) {
        String title = Inputs.text("name", name, 120, true);
        String why = Inputs.text("restrictionNote", note, 300, false);
        if (restriction == null || restriction == Fund.Restriction.NONE) {
            throw new InvalidField("restriction", "fund.restriction.required");
        }
        Fund parent = inScope(me, parentId);
        if (parent.isRestricted()) {
            throw new InvalidField("parentId", "fund.parent.restricted");
        }
        LocalDate opened = openedOn == null ? LocalDate.now(clock) : openedOn;
        if (opened.isAfter(LocalDate.now(clock)) || opened.isBefore(parent.getOpenedOn())) {
            throw new InvalidField("openedOn", "fund.opened.invalid", parent.getOpenedOn().toString());
        }
        switch (restriction) {
            case PURPOSE -> {
                Inputs.required("restrictedPurpose", purpose);
            }
            case REGION -> {
                if (region == null || !me.scope().covers(region) || regions.find(region).isEmpty()) {
                    throw new InvalidField("restrictedRegion", "fund.region.invalid");
                }
            }
            case PERSON -> {
                if (samaritanId == null || people.findIn(me.scope(), samaritanId).isEmpty()) {
                    throw new InvalidField("restrictedSamaritanId", "fund.person.invalid");
                }
            }
            default -> throw new InvalidField("restriction", "fund.restriction.required");
        }
        String code = parent.getCode() + "-" + (jdbc.sql("select count(*) from fund where parent_id = :p")
                .param("p", parentId).query(Long.class).single() + 1);
        Fund fund = funds.saveAndFlush(new Fund(parent, code, title, restriction, purpose, region, samaritanId, why,
                opened, me.username(), clock.instant()));
        audit.record(AuditRecord.of(AuditAction.CREATE, "Fund", fund.getId())
                .withDetail(title + " (" + restriction + ") under " + parent.getName()));
        return fund;
    }

    /** The balance a fund had when it came into Yiyong, posted once, on the day the fund opened. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE_REVIEWER')")
    public JournalEntry openingBalance(CurrentUser me, long fundId, BigDecimal amount) {
        Money value = amount("amount", amount);
        Fund fund = inScope(me, fundId);
        journal.lock(fund.getId());
        JournalEntry entry = journal.post(fund.getRegionCode(), fund.getOpenedOn(), "期初余额：" + fund.getName(),
                JournalEntry.SourceKind.OPENING, fund.getId(), 0, null, List.of(
                        Posting.debit(fund.getId(), Account.BANK, value.amount()),
                        Posting.credit(fund.getId(), Account.NET_ASSETS, value.amount())), me.username());
        audit.record(AuditRecord.of(AuditAction.CREATE, "JournalEntry", entry.getId())
                .withDetail("opening balance of " + fund.getName() + ": " + value));
        return entry;
    }

    /** A new donation: received into a fund, numbered, posted. The same idempotency key records it once. */
    public record NewDonation(Long donorId, Donor.Kind donorKind, String donorName, String donorContact, long fundId,
            BigDecimal amount, LocalDate receivedOn, Donation.Channel channel, String note, String idempotencyKey) {
    }

    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'CASHIER')")
    public Donation receive(CurrentUser me, NewDonation request) {
        String key = Inputs.text("idempotencyKey", request.idempotencyKey(), 80, false);
        return IdempotencyKeys.createOnce(transactions, key, donations::findByIdempotencyKey,
                () -> received(me, request, key), () -> new FundRuleBroken("donation.duplicate"));
    }

    private Donation received(CurrentUser me, NewDonation request, String key) {
        Money value = amount("amount", request.amount());
        Inputs.required("channel", request.channel());
        LocalDate today = LocalDate.now(clock);
        Inputs.required("receivedOn", request.receivedOn());
        if (request.receivedOn().isAfter(today)) {
            throw new InvalidField("receivedOn", "donation.received.future");
        }
        String note = Inputs.text("note", request.note(), 300, false);
        Fund fund = inScope(me, request.fundId());
        if (request.receivedOn().isBefore(fund.getOpenedOn())) {
            throw new InvalidField("receivedOn", "donation.received.before-fund", fund.getOpenedOn().toString());
        }
        Donor donor = donor(me, request, fund.getRegionCode());
        Donation donation = new Donation(numbers.receipt(request.receivedOn().getYear()), donor, fund, value,
                request.receivedOn(), request.channel(), note, key, me.username(), clock.instant());
        donations.saveAndFlush(donation);
        journal.lock(fund.getId());
        Account income = donation.getDonorKind().incomeAccount();
        journal.post(fund.getRegionCode(), donation.getReceivedOn(), (income == Account.DONATION_INCOME ? "捐赠收入："
                : "财政拨款：") + donation.getDonorName() + " " + donation.getReceiptNumber(),
                JournalEntry.SourceKind.DONATION, donation.getId(), 0, null, List.of(
                        Posting.debit(fund.getId(), Account.BANK, value.amount()),
                        Posting.credit(fund.getId(), income, value.amount())), me.username());
        Map<String, Object> created = new HashMap<>();
        created.put("receiptNumber", donation.getReceiptNumber());
        created.put("donor", donation.getDonorName());
        created.put("fund", fund.getName());
        created.put("amount", value);
        created.put("receivedOn", donation.getReceivedOn());
        audit.record(AuditRecord.of(AuditAction.CREATE, "Donation", donation.getId())
                .withChanges(Changes.created(created)));
        return donation;
    }

    private Donor donor(CurrentUser me, NewDonation request, String regionCode) {
        if (request.donorId() != null) {
            return donors.findByIdAndRegionCodeIn(request.donorId(), me.scope().regionCodes())
                    .orElseThrow(() -> new InvalidField("donorId", "donation.donor.unknown"));
        }
        Inputs.required("donorKind", request.donorKind());
        if (request.donorKind() == Donor.Kind.ANONYMOUS) {
            return null;
        }
        String name = Inputs.text("donorName", request.donorName(), 120, true);
        String contact = Inputs.text("donorContact", request.donorContact(), 120, false);
        return donors.findFirstByNameAndKindAndRegionCode(name, request.donorKind(), regionCode)
                .orElseGet(() -> donors.save(new Donor(request.donorKind(), name, contact, regionCode, me.username(),
                        clock.instant())));
    }

    /**
     * A donation recorded in error (the wrong amount, the wrong fund) is reversed in the journal, never
     * changed; the right one is then recorded anew. The fund must still cover what it paid.
     */
    @Transactional
    @PreAuthorize("hasRole('FINANCE_REVIEWER')")
    public Donation reverseDonation(CurrentUser me, long id, String reason) {
        String why = Inputs.text("reason", reason, 200, true);
        Donation donation = donation(me, id);
        if (donation.isReversed()) {
            throw new FundRuleBroken("donation.reversed-already", donation.getReceiptNumber());
        }
        if (donation.isHistorical()) {
            // never posted: what was wrong in the earlier register is put right by undoing its import
            throw new FundRuleBroken("donation.historical.not-reversible", donation.getReceiptNumber());
        }
        journal.lock(donation.getFundId());
        BigDecimal balance = journal.balance(donation.getFundId());
        if (balance.compareTo(donation.getAmount().amount()) < 0) {
            throw new FundRuleBroken("fund.insufficient", donation.getReceiptNumber(), balance.toPlainString());
        }
        JournalEntry entry = journal.entryFor(JournalEntry.SourceKind.DONATION, id).orElseThrow();
        journal.reverse(entry, LocalDate.now(clock), "冲销捐赠：" + donation.getReceiptNumber() + "，" + why,
                me.username());
        donation.reverse();
        donations.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Donation", id).withDetail("reversed: " + why));
        return donation;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Donation donation(CurrentUser me, long id) {
        return donations.findByIdAndRegionCodeIn(id, me.scope().regionCodes())
                .orElseThrow(() -> new RecordNotFound("Donation", id));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PageResult<Donation> donations(CurrentUser me, PageRequest page) {
        Page<Donation> found = donations.findByRegionCodeInOrderByReceivedOnDescIdDesc(me.scope().regionCodes(),
                org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
        return new PageResult<>(found.getContent(), page.page(), page.size(), found.getTotalElements());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Donor> donors(CurrentUser me) {
        return donors.findByRegionCodeInOrderByName(me.scope().regionCodes());
    }

    /** The donation receipt (捐赠票据) as PDF. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public byte[] receipt(CurrentUser me, long id) {
        Donation donation = donation(me, id);
        Fund fund = funds.findById(donation.getFundId()).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put("donation", donation);
        variables.put("fund", fund);
        variables.put("association", associationOf(fund.getRegionCode()));
        variables.put("amount", donation.getAmount().format());
        variables.put("capital", ChineseAmount.of(donation.getAmount().amount()));
        variables.put("receivedOn", PdfDocuments.officialDate(donation.getReceivedOn()));
        variables.put("taxDeductible", properties.receiptTaxDeductible());
        return documents.render("funds/receipt", variables);
    }

    static Money amount(String field, BigDecimal amount) {
        return Money.of(Inputs.amount(field, amount, MAX_AMOUNT));
    }
}
