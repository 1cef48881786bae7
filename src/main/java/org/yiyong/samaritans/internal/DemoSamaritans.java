package org.yiyong.samaritans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.DemoSeeding;
import org.yiyong.platform.Platform.DemoData;
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.samaritans.internal.AlreadyRegistered;
import org.yiyong.samaritans.internal.Disability;
import org.yiyong.samaritans.internal.DisabilityCase;
import org.yiyong.samaritans.internal.EndCondition;
import org.yiyong.samaritans.internal.EntitlementKind;
import org.yiyong.samaritans.internal.Family;
import org.yiyong.samaritans.internal.NewDisabilityApplication;
import org.yiyong.samaritans.internal.NewRelative;
import org.yiyong.samaritans.internal.NewSamaritan;
import org.yiyong.samaritans.internal.PensionStandards;
import org.yiyong.samaritans.internal.Relative;
import org.yiyong.samaritans.internal.Samaritan;
import org.yiyong.samaritans.internal.Samaritans;
import org.yiyong.shared.FieldCipher;
import org.yiyong.shared.ResidentId;

/**
 * People a new installation's registry opens with, entered from the records kept before Yiyong in
 * several Quanzhou counties: a Jinjiang man disabled fighting robbers, with his grade re-assessed, his
 * certificate, the pension of the last years and his family; a Nan'an man who died saving children, with
 * his widow, mother and son; a Shishi man the association lost contact with, and the search for him; a
 * Fengze woman in good health. Each step goes through the registry's services as the demo staff of the
 * county, so timelines and the audit trail agree. The people are invented.
 */
@Component
@Order(50)
class DemoSamaritans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSamaritans.class);

    /** The people, by the first 17 digits of their (invented) resident ID numbers. */
    static final String DISABLED = "35058219760318231";
    static final String DECEASED = "35058319680502415";
    static final String LOST = "35058119621011157";
    static final String ACTIVE = "35050319850422362";

    private final SamaritanRegistry registry;
    private final Family family;
    private final Disability disability;
    private final PensionStandards standards;
    private final Samaritans samaritans;
    private final FieldCipher cipher;
    private final DemoSeeding demo;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final Clock clock;

    private final HouseholdChanges households;

    DemoSamaritans(SamaritanRegistry registry, Family family, Disability disability, PensionStandards standards,
            Samaritans samaritans,
            FieldCipher cipher, DemoSeeding demo, JdbcClient jdbc, TransactionTemplate transactions,
            DemoData demoData, HouseholdChanges households, Clock clock) {
        this.registry = registry;
        this.households = households;
        this.family = family;
        this.disability = disability;
        this.standards = standards;
        this.samaritans = samaritans;
        this.cipher = cipher;
        this.demo = demo;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        // one person at a time, each in its own transaction: a person another node entered already is skipped
        person(DISABLED, "jinjiang-staff", this::disabled);
        person(DECEASED, "nanan-staff", this::deceased);
        person(LOST, "city-staff", this::lostContact);
        person(ACTIVE, "city-staff", this::active);
    }

    private void person(String first17, String username, Consumer<CurrentUser> steps) {
        String number = ResidentId.withCheckDigit(first17);
        if (samaritans.findByResidentIdIndex(cipher.blindIndex(number)).isPresent()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> demo.act(username, steps));
        } catch (AlreadyRegistered | DataIntegrityViolationException anotherNodeWasFaster) {
            log.debug("Demo samaritan {} entered by another node", first17.substring(0, 6));
        }
    }

    /** 晋江: fought two armed robbers in 2019, grade 7 approved in 2020, re-assessed as grade 6 in 2022. */
    private void disabled(CurrentUser me) {
        LocalDate today = LocalDate.now(clock);
        Samaritan s = registry.register(me, new NewSamaritan("350582", "蔡文龙", ResidentId.withCheckDigit(DISABLED),
                "泉州市人民政府 2019 年表彰决定（泉政文〔2019〕116号），授予泉州市见义勇为模范", "13905958216",
                "晋江市安海镇安平路 86 号", "福建省晋江市安海镇", "个体经营（伤后歇业）"));
        long id = s.getId();
        registry.updateBankAccount(me, id, "晋江农商银行安海支行", "6231 2345 0102 3456 789");

        DisabilityCase first = disability.apply(me, id, new NewDisabilityApplication(LocalDate.of(2019, 7, 14),
                LocalDate.of(2020, 3, 10), null));
        disability.post(me, id, first.getId(), 7, LocalDate.of(2020, 5, 11), null);
        disability.approve(me, id, first.getId(), LocalDate.of(2020, 6, 18), "福建省退役军人事务厅",
                "闽因公残证字第 0350617 号");
        DisabilityCase again = disability.apply(me, id, new NewDisabilityApplication(null, LocalDate.of(2022, 9, 5),
                "左手功能障碍加重，经泉州市第一医院复查后申请调整等级"));
        disability.post(me, id, again.getId(), 6, LocalDate.of(2022, 10, 17), null);
        disability.approve(me, id, again.getId(), LocalDate.of(2022, 12, 16), "福建省退役军人事务厅",
                "闽因公残证字第 0350617 号（换发）");

        for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
            if (standards.year(year).stream().noneMatch(standard -> standard.grade() == again.getGrade())) {
                continue;
            }
            disability.schedule(me, id, year);
            if (year < today.getYear()) {
                disability.recordPayment(me, id, year, LocalDate.of(year, 6, 26), "晋江市退役军人事务局",
                        "晋退役军人〔" + year + "〕抚字 23 号");
            }
        }

        relative(me, id, new NewRelative(Relation.SPOUSE, "王雅芬", ResidentId.withCheckDigit("35058219780925086"),
                null, "13805952671"));
        LocalDate childBorn = LocalDate.of(today.getYear() - 14, 9, 3);
        Relative child = relative(me, id, new NewRelative(Relation.CHILD, "蔡子涵", ResidentId.withCheckDigit(
                "350582" + childBorn.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "041"), null, null));
        family.schooling(me, id, child.getId(), "晋江市安海中学", SchoolStage.JUNIOR,
                LocalDate.of(today.getYear() + 1, 6, 30));
        family.entitle(me, id, child.getId(), EntitlementKind.SCHOOL_PRIORITY, LocalDate.of(2020, 9, 1),
                EndCondition.AGE_18);
        family.entitle(me, id, child.getId(), EntitlementKind.STUDENT_AID, LocalDate.of(2020, 9, 1),
                EndCondition.END_OF_SCHOOLING);
    }

    /** 南安: drowned in 2015 after bringing two children out of the 英都溪; the widow, his mother, his son. */
    private void deceased(CurrentUser me) {
        Samaritan s = registry.register(me, new NewSamaritan("350583", "黄清水", ResidentId.withCheckDigit(DECEASED),
                "泉州市人民政府 2016 年表彰决定（泉政文〔2016〕87号），追授泉州市见义勇为模范；2015 年 8 月 9 日在南安市"
                        + "英都镇英都溪救起两名落水儿童后牺牲", null, "南安市英都镇良山村", "福建省南安市英都镇", null));
        long id = s.getId();
        Relative widow = relative(me, id, new NewRelative(Relation.SPOUSE, "林秀英",
                ResidentId.withCheckDigit("35058319700814102"), null, "13960351142"));
        family.entitle(me, id, widow.getId(), EntitlementKind.SURVIVOR_PENSION, LocalDate.of(2015, 9, 1),
                EndCondition.REMARRIAGE);
        Relative mother = relative(me, id, new NewRelative(Relation.PARENT, "陈阿妹", null, LocalDate.of(1944, 2, 6),
                null));
        family.entitle(me, id, mother.getId(), EntitlementKind.LIVING_ALLOWANCE, LocalDate.of(2015, 9, 1),
                EndCondition.DEATH);
        Relative son = relative(me, id, new NewRelative(Relation.CHILD, "黄志鹏",
                ResidentId.withCheckDigit("35058320061120033"), null, "15059730218"));
        family.schooling(me, id, son.getId(), "福州大学", SchoolStage.UNIVERSITY, LocalDate.of(2028, 6, 30));
        family.entitle(me, id, son.getId(), EntitlementKind.STUDENT_AID, LocalDate.of(2015, 9, 1),
                EndCondition.END_OF_SCHOOLING);
        // the registry records a death through its own determination, which earlier records predate: the
        // paper file says he died on duty (因公牺牲) on the day of the rescue
        samaritans.flush();
        jdbc.sql("""
                update samaritan set status = 'DECEASED', death_kind = 'DEATH_ON_DUTY', died_on = :died
                where id = :id""").param("died", LocalDate.of(2015, 8, 9)).param("id", id).update();
        households.changed(java.util.List.of(id));
    }

    /** 石狮: stopped a robbery in 2008; contact lost since the 2024 Spring Festival visits, still being traced. */
    private void lostContact(CurrentUser me) {
        LocalDate today = LocalDate.now(clock);
        Samaritan s = registry.register(me, new NewSamaritan("350581", "吴建国", ResidentId.withCheckDigit(LOST),
                "泉州市见义勇为协会 2009 年表彰名册（泉见协〔2009〕5号）第 3 页", "13600591187",
                "石狮市湖滨街道长福社区（租住）", "福建省惠安县螺城镇", null));
        long id = s.getId();
        registry.loseContact(me, id, "春节慰问时电话已停机，原租住房屋已拆迁");
        registry.trace(me, id, today.minusMonths(10), "走访湖滨街道长福社区居委会，社区称其已搬离多年，去向不明", false);
        registry.trace(me, id, today.minusMonths(3), "请湖滨派出所协查，户籍仍在惠安县螺城镇，尚未取得联系方式", false);
    }

    /** 丰泽: pulled a child out of the lake in 东湖公园 in 2017; in good health, in touch. */
    private void active(CurrentUser me) {
        Samaritan s = registry.register(me, new NewSamaritan("350503", "郑丽华", ResidentId.withCheckDigit(ACTIVE),
                "泉州市人民政府 2018 年表彰决定（泉政文〔2018〕45号），授予泉州市见义勇为先进个人", "13799213306",
                "泉州市丰泽区东湖街道东湖花园 5 幢", "福建省泉州市丰泽区", "泉州市丰泽区东湖小学"));
        registry.updateBankAccount(me, s.getId(), "中国建设银行泉州丰泽支行", "6217 0018 3000 2468 135");
    }

    private Relative relative(CurrentUser me, long samaritanId, NewRelative request) {
        Relative relative = family.add(me, samaritanId, request);
        samaritans.flush();
        return relative;
    }
}
