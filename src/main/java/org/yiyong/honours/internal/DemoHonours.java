package org.yiyong.honours.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.honours.internal.HonourGrants;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.platform.Platform.DemoData;
import org.yiyong.samaritans.SamaritanDirectory;

/**
 * The honours the demo registry's earlier records name in their source documents, entered from those
 * records with their rewards paid at the time, so that profiles, certificates and the exam bonus show
 * something from the first start, and this year's exam-bonus certificate of 蔡文龙's child. Runs after the
 * demo registry.
 */
@Component
@Order(60)
class DemoHonours implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHonours.class);

    private record Entry(String name, String titleCode, LocalDate decidedOn, String document, String user) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("蔡文龙", "CITY_MODEL", LocalDate.of(2019, 12, 20), "泉政文〔2019〕116号", "jinjiang-staff"),
            new Entry("黄清水", "CITY_MODEL", LocalDate.of(2016, 12, 16), "泉政文〔2016〕87号", "nanan-staff"),
            new Entry("郑丽华", "CITY_ADVANCED", LocalDate.of(2018, 12, 21), "泉政文〔2018〕45号", "city-staff"));

    private final HonourGrants grants;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final DemoSeeding demo;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final ExamBonus examBonus;

    DemoHonours(HonourGrants grants, JdbcClient jdbc, SamaritanDirectory people, DemoSeeding demo,
            TransactionTemplate transactions, DemoData demoData, ExamBonus examBonus) {
        this.examBonus = examBonus;
        this.grants = grants;
        this.jdbc = jdbc;
        this.people = people;
        this.demo = demo;
        this.transactions = transactions;
        this.demoData = demoData;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || jdbc.sql("select count(*) from honour").query(Long.class).single() > 0) {
            return;
        }
        for (Entry entry : ENTRIES) {
            List<Long> found = people.historicalNamed(entry.name());
            if (found.isEmpty()) {
                continue;
            }
            long samaritan = found.get(0);
            try {
                transactions.executeWithoutResult(status -> demo.act(entry.user(), me -> grants.recordHistorical(me,
                        samaritan, entry.titleCode(), entry.decidedOn(), entry.document(), (BigDecimal) null)));
            } catch (RuntimeException anotherNodeWasFaster) {
                log.debug("Demo honour of {} not entered: {}", entry.name(), anotherNodeWasFaster.getMessage());
            }
        }
        // 蔡文龙's child sits the senior-school entrance exam with the points of his city title
        demo.seedOnce(log, "exam-bonus certificate", () -> people.relativeNamed("蔡文龙", "蔡子涵").ifPresent(child ->
                people.firstNamed("蔡文龙").ifPresent(parent -> demo.act("jinjiang-staff",
                        me -> examBonus.certificate(me, parent, child)))), "exam_bonus_certificate");
    }
}
