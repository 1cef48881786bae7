package org.yiyong.organization.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.internal.Organization;
import org.yiyong.organization.internal.OrganizationDetails;
import org.yiyong.organization.internal.Organizations;
import org.yiyong.platform.Platform.DemoData;

/**
 * Quanzhou's organizations as a new installation's demo: the committee and its member units, the
 * city and county associations, the police bureaus, some stations and work stations. Loaded once,
 * when there are no organizations yet.
 */
@Component
@Order(10)
class DemoOrganizations implements ApplicationRunner {

    /** code, name, short name, type, region, parent code, address, phone */
    private static final List<String[]> DEMO = List.of(
            row("QZ-COMMITTEE", "泉州市见义勇为人员奖励和保护工作委员会", "市工委会", "COMMITTEE", "350500", null,
                    "泉州市丰泽区东海街道通港西街市行政中心", "0595-22180110"),
            row("QZ-PSB", "泉州市公安局", "市公安局", "POLICE_BUREAU", "350500", "QZ-COMMITTEE",
                    "泉州市丰泽区东海街道通港西街", "0595-22180000"),
            row("QZ-MU-XCB", "中共泉州市委宣传部", "市委宣传部", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-ZFW", "中共泉州市委政法委员会", "市委政法委", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-WMB", "泉州市精神文明建设指导委员会办公室", "市文明办", "MEMBER_UNIT", "350500", "QZ-COMMITTEE",
                    null, null),
            row("QZ-MU-CZJ", "泉州市财政局", "市财政局", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-JYJ", "泉州市教育局", "市教育局", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-ZJJ", "泉州市住房和城乡建设局", "市住建局", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-MZJ", "泉州市民政局", "市民政局", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-RSJ", "泉州市人力资源和社会保障局", "市人社局", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null,
                    null),
            row("QZ-MU-TYJ", "泉州市退役军人事务局", "市退役军人事务局", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null,
                    null),
            row("QZ-MU-WJW", "泉州市卫生健康委员会", "市卫健委", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-ZGH", "泉州市总工会", "市总工会", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-TSW", "共青团泉州市委员会", "团市委", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-MU-FL", "泉州市妇女联合会", "市妇联", "MEMBER_UNIT", "350500", "QZ-COMMITTEE", null, null),
            row("QZ-ASSOC", "泉州市见义勇为协会", "市协会", "ASSOCIATION", "350500", null,
                    "泉州市丰泽区丰泽街361号", "0595-22135110"),
            row("LC-PSB", "泉州市公安局鲤城分局", "鲤城分局", "POLICE_SUB_BUREAU", "350502", "QZ-PSB", null, null),
            row("FZ-PSB", "泉州市公安局丰泽分局", "丰泽分局", "POLICE_SUB_BUREAU", "350503", "QZ-PSB", null, null),
            row("LJ-PSB", "泉州市公安局洛江分局", "洛江分局", "POLICE_SUB_BUREAU", "350504", "QZ-PSB", null, null),
            row("QG-PSB", "泉州市公安局泉港分局", "泉港分局", "POLICE_SUB_BUREAU", "350505", "QZ-PSB", null, null),
            row("HA-PSB", "惠安县公安局", "惠安县局", "POLICE_BUREAU", "350521", "QZ-PSB", null, null),
            row("AX-PSB", "安溪县公安局", "安溪县局", "POLICE_BUREAU", "350524", "QZ-PSB", null, null),
            row("YC-PSB", "永春县公安局", "永春县局", "POLICE_BUREAU", "350525", "QZ-PSB", null, null),
            row("DH-PSB", "德化县公安局", "德化县局", "POLICE_BUREAU", "350526", "QZ-PSB", null, null),
            row("SS-PSB", "石狮市公安局", "石狮市局", "POLICE_BUREAU", "350581", "QZ-PSB", null, null),
            row("JJ-PSB", "晋江市公安局", "晋江市局", "POLICE_BUREAU", "350582", "QZ-PSB",
                    "晋江市青阳街道世纪大道", "0595-85680110"),
            row("NA-PSB", "南安市公安局", "南安市局", "POLICE_BUREAU", "350583", "QZ-PSB", null, null),
            row("TS-PSB", "泉州市公安局台商投资区分局", "台商区分局", "POLICE_SUB_BUREAU", "350590", "QZ-PSB", null,
                    null),
            row("JK-PSB", "泉州市公安局经济技术开发区分局", "开发区分局", "POLICE_SUB_BUREAU", "350591", "QZ-PSB", null,
                    null),
            row("LC-ASSOC", "泉州市鲤城区见义勇为协会", "鲤城区协会", "ASSOCIATION", "350502", "QZ-ASSOC", null, null),
            row("FZ-ASSOC", "泉州市丰泽区见义勇为协会", "丰泽区协会", "ASSOCIATION", "350503", "QZ-ASSOC", null, null),
            row("LJ-ASSOC", "泉州市洛江区见义勇为协会", "洛江区协会", "ASSOCIATION", "350504", "QZ-ASSOC", null, null),
            row("QG-ASSOC", "泉州市泉港区见义勇为协会", "泉港区协会", "ASSOCIATION", "350505", "QZ-ASSOC", null, null),
            row("HA-ASSOC", "惠安县见义勇为协会", "惠安县协会", "ASSOCIATION", "350521", "QZ-ASSOC", null, null),
            row("AX-ASSOC", "安溪县见义勇为协会", "安溪县协会", "ASSOCIATION", "350524", "QZ-ASSOC", null, null),
            row("YC-ASSOC", "永春县见义勇为协会", "永春县协会", "ASSOCIATION", "350525", "QZ-ASSOC", null, null),
            row("DH-ASSOC", "德化县见义勇为协会", "德化县协会", "ASSOCIATION", "350526", "QZ-ASSOC", null, null),
            row("SS-ASSOC", "石狮市见义勇为协会", "石狮市协会", "ASSOCIATION", "350581", "QZ-ASSOC", null, null),
            row("JJ-ASSOC", "晋江市见义勇为协会", "晋江市协会", "ASSOCIATION", "350582", "QZ-ASSOC",
                    "晋江市青阳街道崇德路", "0595-85661110"),
            row("NA-ASSOC", "南安市见义勇为协会", "南安市协会", "ASSOCIATION", "350583", "QZ-ASSOC",
                    "南安市溪美街道南安大道", "0595-86381110"),
            row("JJ-PS-QY", "晋江市公安局青阳派出所", "青阳派出所", "POLICE_STATION", "350582", "JJ-PSB", null, null),
            row("JJ-PS-AH", "晋江市公安局安海派出所", "安海派出所", "POLICE_STATION", "350582", "JJ-PSB", null, null),
            row("JJ-PS-CD", "晋江市公安局陈埭派出所", "陈埭派出所", "POLICE_STATION", "350582", "JJ-PSB", null, null),
            row("NA-PS-XM", "南安市公安局溪美派出所", "溪美派出所", "POLICE_STATION", "350583", "NA-PSB", null, null),
            row("NA-PS-ST", "南安市公安局水头派出所", "水头派出所", "POLICE_STATION", "350583", "NA-PSB", null, null),
            row("SS-PS-HB", "石狮市公安局湖滨派出所", "湖滨派出所", "POLICE_STATION", "350581", "SS-PSB", null, null),
            row("LC-PS-KY", "泉州市公安局鲤城分局开元派出所", "开元派出所", "POLICE_STATION", "350502", "LC-PSB", null,
                    null),
            row("JJ-WS-AH", "晋江市安海镇见义勇为工作站", "安海工作站", "WORK_STATION", "350582", "JJ-ASSOC",
                    "晋江市安海镇安平路（安海派出所内）", null),
            row("JJ-WS-QY", "晋江市青阳街道见义勇为工作站", "青阳工作站", "WORK_STATION", "350582", "JJ-ASSOC", null,
                    null),
            row("NA-WS-ST", "南安市水头镇见义勇为工作站", "水头工作站", "WORK_STATION", "350583", "NA-ASSOC", null,
                    null),
            row("SS-WS-HB", "石狮市湖滨街道见义勇为工作站", "湖滨工作站", "WORK_STATION", "350581", "SS-ASSOC", null,
                    null),
            row("FZ-WS-DH", "泉州市丰泽区东海街道见义勇为工作站", "东海工作站", "WORK_STATION", "350503", "FZ-ASSOC",
                    null, null));

    private final Organizations organizations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final DemoData demoData;
    private final Clock clock;

    DemoOrganizations(Organizations organizations, AuditTrail audit, TransactionTemplate transactions,
            DemoData demoData, Clock clock) {
        this.organizations = organizations;
        this.audit = audit;
        this.transactions = transactions;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || organizations.count() > 0) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> load());
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            // the other node loaded the same organizations
        }
    }

    private void load() {
        Map<String, Long> ids = new HashMap<>();
        for (String[] row : DEMO) {
            Long parent = row[5] == null ? null : ids.get(row[5]);
            Organization saved = organizations.save(new Organization(row[0], new OrganizationDetails(row[1], row[2],
                    OrgType.valueOf(row[3]), row[4], parent, row[6], row[7]), clock.instant()));
            ids.put(row[0], saved.getId());
            audit.record(AuditRecord.of(AuditAction.CREATE, "Organization", saved.getId())
                    .withDetail("demo organization " + row[0]));
        }
    }

    private static String[] row(String code, String name, String shortName, String type, String region,
            String parent, String address, String phone) {
        return new String[] {code, name, shortName, type, region, parent, address, phone};
    }
}
