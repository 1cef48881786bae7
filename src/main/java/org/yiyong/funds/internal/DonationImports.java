package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.CellChecks;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.organization.Regions;
import org.yiyong.platform.BatchInserts;

/**
 * Donations an association received before its fund was opened in Yiyong (捐赠台账): one row a gift — the donor and
 * their kind, the amount, the day received, how, and the receipt number it was given then. They go into the donation
 * register of the importer's association (so the donors and the figures of those years are whole) but not into the
 * journal: the fund's opening balance already holds what was left of them, and posting them would count the money
 * twice. A gift received on or after the day the fund was opened is in the books already, or must be entered by hand
 * so that it is; such a row is refused. The natural key is the original receipt number, or without one the donor,
 * the day and the amount. Undone as a whole; nothing refers to such a donation.
 */
@Component
class DonationImports implements ImportRegister {

    private static final int BATCH = 1000;
    private static final BigDecimal MOST = BigDecimal.valueOf(100_000_000);

    private final Regions regions;
    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    DonationImports(Regions regions, JdbcClient jdbc, BatchInserts inserts, AuditTrail audit, MessageSource messages,
            Clock clock) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "donations";
    }

    @Override
    public String titleKey() {
        return "import.register.donations";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("donor", "捐赠人", false, "单位或个人的名称；匿名捐赠可不填。", "晋江市安海建材有限公司", null),
                new Column("kind", "捐赠人类型", true, "从下拉列表中选择。", label("donor.kind.", Donor.Kind.ENTERPRISE),
                        Arrays.stream(Donor.Kind.values()).map(kind -> label("donor.kind.", kind)).toList()),
                new Column("amount", "金额（元）", true, "如 50000、¥50,000.00 或 5万元。", "50000", null),
                new Column("receivedOn", "到账日期", true, "须早于本会基金在本系统设立的日期；此后的捐赠请在“登记捐赠”中录入。",
                        "2019-03-05", null),
                new Column("channel", "接收方式", true, "从下拉列表中选择。", label("donation.channel.",
                        Donation.Channel.BANK_TRANSFER), Arrays.stream(Donation.Channel.values())
                        .map(channel -> label("donation.channel.", channel)).toList()),
                new Column("receipt", "原票据号", false, "当年开具的捐赠票据号码（不超过 28 个字），记录时前面加上县（市、区）名；同一天同一捐赠人同样金额的两笔捐赠，请填写票据号以区分。",
                        "0012345", null),
                new Column("note", "备注", false, "如 定向用途、捐赠仪式。", null, null));
    }

    private String label(String prefix, Enum<?> value) {
        return messages.getMessage(prefix + value.name(), null, value.name(), Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    /** The general fund of the caller's association, and the day it was opened here. */
    private record GeneralFund(long id, String region, LocalDate openedOn) {
    }

    private GeneralFund fundOf(CurrentUser me) {
        return jdbc.sql("select id, region_code, opened_on from fund where region_code = :region and parent_id is null")
                .param("region", me.regionCode())
                .query((rs, n) -> new GeneralFund(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
                .optional().orElse(null);
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, Donor.Kind> kinds = new HashMap<>();
        for (Donor.Kind kind : Donor.Kind.values()) {
            kinds.put(label("donor.kind.", kind), kind);
            kinds.put(kind.name(), kind);
        }
        kinds.put("政府", Donor.Kind.GOVERNMENT);
        kinds.put("财政拨款", Donor.Kind.GOVERNMENT);
        kinds.put("单位", Donor.Kind.ENTERPRISE);
        Map<String, Donation.Channel> channels = new HashMap<>();
        for (Donation.Channel channel : Donation.Channel.values()) {
            channels.put(label("donation.channel.", channel), channel);
            channels.put(channel.name(), channel);
        }
        channels.put("转账", Donation.Channel.BANK_TRANSFER);
        channels.put("网络", Donation.Channel.ONLINE);
        GeneralFund fund = fundOf(me);
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(fund == null ? Check.refused(List.of(Problem.of(null, "import.donation.no-fund")))
                    : check(cells, fund, kinds, channels, today));
        }
        return checks;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(Map<String, String> cells, GeneralFund fund, Map<String, Donor.Kind> kinds,
            Map<String, Donation.Channel> channels, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        values.put("fundId", String.valueOf(fund.id()));
        values.put("region", fund.region());
        String rawKind = Cells.text(cells.get("kind"));
        Donor.Kind kind = rawKind == null ? null : kinds.get(rawKind);
        if (rawKind == null) {
            problems.add(Problem.of("kind", "validation.required"));
        } else if (kind == null) {
            problems.add(Problem.of("kind", "import.donation.kind-unknown", rawKind));
        } else {
            values.put("kind", kind.name());
        }
        String donor = Cells.text(cells.get("donor"));
        if (kind == Donor.Kind.ANONYMOUS) {
            values.put("donor", "匿名");
        } else if (donor == null) {
            problems.add(Problem.of("donor", "import.donation.donor-required"));
        } else if (donor.length() > 120) {
            problems.add(Problem.of("donor", "validation.too-long"));
        } else {
            values.put("donor", donor);
        }
        BigDecimal amount = CellChecks.amount(cells, "amount", MOST, problems);
        if (amount != null) {
            values.put("amount", amount.toPlainString());
        }
        LocalDate received = CellChecks.date(cells, "receivedOn", true, today, problems);
        if (received != null && !received.isBefore(fund.openedOn())) {
            problems.add(Problem.of("receivedOn", "import.donation.after-opening", fund.openedOn().toString()));
        } else if (received != null) {
            values.put("receivedOn", received.toString());
        }
        String rawChannel = Cells.text(cells.get("channel"));
        if (rawChannel == null) {
            problems.add(Problem.of("channel", "validation.required"));
        } else if (!channels.containsKey(rawChannel)) {
            problems.add(Problem.of("channel", "import.donation.channel-unknown", rawChannel));
        } else {
            values.put("channel", channels.get(rawChannel).name());
        }
        String receipt = Cells.text(cells.get("receipt"));
        if (receipt != null && receipt.length() > 28) {
            problems.add(Problem.of("receipt", "validation.too-long"));
        }
        String note = Cells.text(cells.get("note"));
        if (note != null && note.length() > 300) {
            problems.add(Problem.of("note", "validation.too-long"));
        } else if (note != null) {
            values.put("note", note);
        }
        if (!problems.isEmpty()) {
            return Check.refused(problems);
        }
        // numbers of paper receipts are a county's own: kept with the county's name, so two counties' alike differ
        if (receipt != null) {
            values.put("receipt", numbered(fund.region(), receipt));
        }
        return Check.valid(values, receipt != null ? "N|" + values.get("receipt")
                : giftKey(fund.region(), values.get("receivedOn"), values.get("amount"), values.get("donor")));
    }

    private String numbered(String region, String receipt) {
        return regions.nameOf(region) + " " + receipt;
    }

    private static String giftKey(String region, String day, String amount, String donor) {
        return "D|" + region + "|" + day + "|" + amount + "|" + donor;
    }

    /** The gifts on file already: by their receipt number, or by the donor, day and amount. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> wanted = new HashSet<>(naturalKeys);
        List<String> receipts = wanted.stream().filter(key -> key.startsWith("N|")).map(key -> key.substring(2))
                .distinct().toList();
        List<Date> days = wanted.stream().filter(key -> key.startsWith("D|")).map(key -> key.split("\\|", 5)[2])
                .distinct().map(Date::valueOf).toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < receipts.size(); from += BATCH) {
            jdbc.sql("select receipt_number from donation where receipt_number in (:numbers)")
                    .param("numbers", receipts.subList(from, Math.min(receipts.size(), from + BATCH)))
                    .query(String.class).list().forEach(number -> found.add("N|" + number));
        }
        for (int from = 0; from < days.size(); from += BATCH) {
            jdbc.sql("select region_code, received_on, amount, donor_name from donation where received_on in (:days)")
                    .param("days", days.subList(from, Math.min(days.size(), from + BATCH)))
                    .query(rs -> {
                        String key = giftKey(rs.getString(1), rs.getDate(2).toLocalDate().toString(),
                                rs.getBigDecimal(3).setScale(2).toPlainString(), rs.getString(4));
                        if (wanted.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> donations = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, String> v = row.values();
            LocalDate received = LocalDate.parse(v.get("receivedOn"));
            String number = v.containsKey("receipt") ? v.get("receipt")
                    : "LS" + received.getYear() + "-" + source.importId() + "-" + row.number();
            donations.add(new Object[] {number, v.get("donor"), v.get("kind"), Long.parseLong(v.get("fundId")),
                    v.get("region"), new BigDecimal(v.get("amount")), Date.valueOf(received), v.get("channel"),
                    v.get("note"), me.username(), now, false, source.importId(), row.number()});
        }
        List<Long> ids = inserts.insert("donation", """
                receipt_number, donor_name, donor_kind, fund_id, region_code, amount, received_on, channel, note,
                recorded_by, recorded_at, reversed, import_id, import_row""", donations);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.CREATE, "Donation", id)
                .byActor(me.username()).withDetail("received before the fund opened; imported with import "
                        + source.importId() + ", not posted")).toList());
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> ids = jdbc.sql("select id from donation where import_id = :id").param("id", importId)
                .query(Long.class).list();
        jdbc.sql("delete from donation where import_id = :id").param("id", importId).update();
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, "Donation", id)
                .byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }
}
