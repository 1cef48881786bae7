package org.yiyong.funds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.internal.DisbursementBatch;
import org.yiyong.funds.internal.Donation;
import org.yiyong.funds.internal.Donor;
import org.yiyong.funds.internal.Fund;
import org.yiyong.funds.internal.FundRegister;
import org.yiyong.funds.internal.PaymentOrder;
import org.yiyong.funds.internal.Payments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.samaritans.SamaritanDirectory;

/**
 * A lived-in ledger for the demo: opening balances of the city's and the counties' funds, a year of
 * donations from local enterprises and people (one earmarked for student aid), and payment orders in
 * every state from requested to acknowledged. Runs after the demo registry and honours.
 */
@Component
@Order(70)
class DemoFunds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFunds.class);

    private static final Map<String, String> OPENING = Map.of(
            "FUND-350500", "3560000.00", "FUND-350582", "826500.00", "FUND-350583", "463200.00",
            "FUND-350581", "385000.00", "FUND-350502", "212800.00", "FUND-350503", "236400.00",
            "FUND-350521", "198000.00", "FUND-350524", "175600.00");

    private final FundRegister register;
    private final Payments payments;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final DemoSeeding demo;

    DemoFunds(FundRegister register, Payments payments, JdbcClient jdbc, SamaritanDirectory people,
            DemoSeeding demo) {
        this.register = register;
        this.payments = payments;
        this.jdbc = jdbc;
        this.people = people;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce(log, "funds", this::seed, "journal_entry");
    }

    private void seed() {
        LocalDate today = demo.today();
        demo.as("finance-reviewer", me -> {
            OPENING.forEach((code, amount) -> register.openingBalance(me, fund(code), new BigDecimal(amount)));
            return null;
        });
        long city = fund("FUND-350500");
        long jinjiang = fund("FUND-350582");
        long studentAid = demo.as("city-staff", me -> register.createSubFund(me, city, "恒达助学专项基金",
                Fund.Restriction.PURPOSE, PaymentPurpose.STUDENT_AID, null, null,
                "泉州恒达纺织有限公司指定用于见义勇为人员子女助学", today.minusDays(160))).getId();
        demo.as("city-staff", me -> {
            donation(me, Donor.Kind.ENTERPRISE, "泉州鸿达鞋业有限公司", city, "1000000.00", today.minusDays(300),
                    Donation.Channel.BANK_TRANSFER, "2026年见义勇为基金定向认捐");
            donation(me, Donor.Kind.ENTERPRISE, "福建闽南建设集团有限公司", city, "800000.00", today.minusDays(210),
                    Donation.Channel.BANK_TRANSFER, null);
            donation(me, Donor.Kind.ENTERPRISE, "泉州恒达纺织有限公司", studentAid, "500000.00", today.minusDays(150),
                    Donation.Channel.BANK_TRANSFER, "指定用于见义勇为人员子女助学");
            donation(me, Donor.Kind.INDIVIDUAL, "陈国良", city, "20000.00", today.minusDays(90),
                    Donation.Channel.BANK_TRANSFER, null);
            donation(me, Donor.Kind.ANONYMOUS, null, city, "5000.00", lastAwarenessDay(today), Donation.Channel.CASH,
                    "“9·1”见义勇为宣传日现场捐款");
            return null;
        });
        // last year's gifts, for last year's open account
        int lastYear = today.getYear() - 1;
        demo.as("city-staff", me -> {
            donation(me, Donor.Kind.ENTERPRISE, "泉州鸿达鞋业有限公司", city, "600000.00", LocalDate.of(lastYear, 3, 18),
                    Donation.Channel.BANK_TRANSFER, lastYear + "年见义勇为基金认捐");
            donation(me, Donor.Kind.ANONYMOUS, null, city, "3800.00", LocalDate.of(lastYear, 9, 1),
                    Donation.Channel.CASH, "“9·1”见义勇为宣传日现场捐款");
            donation(me, Donor.Kind.INDIVIDUAL, "黄志明", city, "50000.00", LocalDate.of(lastYear, 12, 10),
                    Donation.Channel.BANK_TRANSFER, null);
            return null;
        });
        demo.as("jinjiang-staff", me -> {
            donation(me, Donor.Kind.ENTERPRISE, "晋江市安海镇商会", jinjiang, "300000.00", today.minusDays(120),
                    Donation.Channel.BANK_TRANSFER, null);
            donation(me, Donor.Kind.INDIVIDUAL, "林淑敏", jinjiang, "10000.00", today.minusDays(45),
                    Donation.Channel.ONLINE, null);
            return null;
        });

        Long cai = samaritan("蔡文龙");
        Long zheng = samaritan("郑丽华");
        Long wu = samaritan("吴建国");
        PaymentOrder acknowledged = order("city-staff", city, PaymentPurpose.CONDOLENCE, "郑丽华", zheng, "5000.00",
                "2026年中秋节慰问金", "泉见协〔2026〕21号");
        PaymentOrder paid = order("city-staff", city, PaymentPurpose.MEDICAL, "蔡文龙", cai, "8000.00",
                "伤残复查医疗补助", "泉见协〔2026〕25号");
        PaymentOrder failed = order("city-staff", studentAid, PaymentPurpose.STUDENT_AID, "郑丽华", zheng, "3000.00",
                "2026年秋季学期助学金", "泉见协〔2026〕27号");
        PaymentOrder approved = order("city-staff", city, PaymentPurpose.HARDSHIP, "蔡文龙", cai, "10000.00",
                "家庭困难临时救助", "泉见协〔2026〕30号");
        order("jinjiang-staff", jinjiang, PaymentPurpose.CONDOLENCE, "蔡文龙", cai, "2000.00", "晋江市协会走访慰问金",
                null);
        PaymentOrder cancelled = order("city-staff", city, PaymentPurpose.CONDOLENCE, "吴建国", wu, "3000.00",
                "2026年中秋节慰问金", "泉见协〔2026〕21号");
        for (PaymentOrder order : List.of(acknowledged, paid, failed, approved)) {
            demo.as("finance-reviewer", me -> payments.approve(me, order.getId(), null));
        }
        demo.as("city-staff", me -> payments.cancel(me, cancelled.getId(), "本人已失联，待寻访核实近况后再发放"));
        DisbursementBatch batch = demo.as("cashier",
                me -> payments.batch(me, List.of(acknowledged.getId(), paid.getId(), failed.getId())));
        demo.as("cashier", me -> {
            payments.markPaid(me, acknowledged.getId(), today, "JS" + today.toString().replace("-", "") + "0001");
            payments.markPaid(me, paid.getId(), today, "JS" + today.toString().replace("-", "") + "0002");
            payments.markFailed(me, failed.getId(), "收款账户户名与身份证不符，待核实");
            return null;
        });
        demo.as("city-staff", me -> payments.acknowledge(me, acknowledged.getId(), today, "郑丽华", "本人签收"));
        log.info("Demo funds seeded: batch {}", batch.getNumber());
    }

    /** Quanzhou's 见义勇为宣传日 is 1 September: the last one on or before today. */
    private static LocalDate lastAwarenessDay(LocalDate today) {
        LocalDate thisYear = LocalDate.of(today.getYear(), Month.SEPTEMBER, 1);
        return thisYear.isAfter(today) ? thisYear.minusYears(1) : thisYear;
    }

    private void donation(CurrentUser me, Donor.Kind kind, String name, long fund, String amount, LocalDate on,
            Donation.Channel channel, String note) {
        register.receive(me, new FundRegister.NewDonation(null, kind, name, null, fund, new BigDecimal(amount), on,
                channel, note, null));
    }

    private PaymentOrder order(String user, long fund, PaymentPurpose purpose, String payee, Long samaritan,
            String amount, String description, String document) {
        return demo.as(user, me -> payments.requestManually(me, new Payments.ManualOrder(fund, purpose, payee,
                samaritan, new BigDecimal(amount), description, document == null ? "协会走访发现家庭困难，经会长办公会研究同意"
                        : "依据" + document + "发放", document, null)));
    }

    private long fund(String code) {
        return jdbc.sql("select id from fund where code = :code").param("code", code).query(Long.class).single();
    }

    private Long samaritan(String name) {
        return people.firstNamed(name).orElse(null);
    }
}
