package org.yiyong.community.internal;

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
import org.yiyong.community.Coordinates;
import org.yiyong.community.HostKind;
import org.yiyong.community.StationStatus;
import org.yiyong.community.Stations;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.imports.CellChecks;
import org.yiyong.imports.Cells;
import org.yiyong.imports.ImportRegister;
import org.yiyong.organization.HistoricalStations;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.platform.BatchInserts;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PhoneNumber;

/**
 * Work stations of the earlier registers (工作站台账): one row a station — its name and county, where it is hosted,
 * its address, phone and hours for the public, where it is on the map, the day it was built and, when it was, the day
 * the association accepted it, and the year it was named a demonstration site. Each becomes a work station under its
 * county's association (written by the organization module) with its station record and its steps (planned and built
 * on the day it was built, accepted on its day), so that the map, the station pages and the statistics count it as
 * a station recorded here. The natural key is the county with the name: a county has one station of a name. Undone
 * while no one (a staff account, a team, a visit) refers to its stations.
 */
@Component
class StationImports implements ImportRegister {

    private final HistoricalStations organizations;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    StationImports(HistoricalStations organizations, Regions regions, JdbcClient jdbc,
            BatchInserts inserts, AuditTrail audit, MessageSource messages, Clock clock) {
        this.organizations = organizations;
        this.regions = regions;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "stations";
    }

    @Override
    public String titleKey() {
        return "import.register.stations";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("name", "工作站名称", true, "如 晋江市安海镇见义勇为工作站；同一县（市、区）内不重名。", "晋江市东石镇见义勇为工作站",
                        null),
                new Column("region", "县（市、区）", true, "工作站所在的县（市、区），从下拉列表中选择，须在您的管辖范围内。", "晋江市",
                        counties().stream().map(Region::name).toList()),
                new Column("hostKind", "依托单位类型", true, "从下拉列表中选择。", host(HostKind.TOWNSHIP),
                        Arrays.stream(HostKind.values()).map(this::host).toList()),
                new Column("hostName", "依托单位名称", false, "如 东石镇人民政府。", "东石镇人民政府", null),
                new Column("address", "地址", false, "工作站的地址。", "晋江市东石镇镇区路 1 号", null),
                new Column("phone", "对外电话", false, "群众可拨打的电话。", "0595-85561234", null),
                new Column("openingHours", "开放时间", false, "如 工作日 8:00-17:30。", "工作日 8:00-17:30", null),
                new Column("latitude", "纬度", false, "地图上的位置，如 24.6812；与经度一起填写。", null, null),
                new Column("longitude", "经度", false, "如 118.4925。", null, null),
                new Column("builtOn", "建成日期", true, "工作站建成的日期。", "2019-05-20", null),
                new Column("acceptedOn", "验收日期", false, "协会验收的日期，不早于建成日期；未验收的不填。", "2019-09-10", null),
                new Column("demonstrationYear", "示范点年度", false, "被命名为示范点的年份，如 2021；不是示范点的不填。", null,
                        null));
    }

    private List<Region> counties() {
        return regions.inListOrder().stream()
                .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.FUNCTIONAL_AREA).toList();
    }

    private String host(HostKind kind) {
        return messages.getMessage("station.host." + kind.name(), null, kind.name(), Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public boolean mayImport(CurrentUser me) {
        return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    @Override
    public List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        Map<String, HostKind> hosts = new HashMap<>();
        for (HostKind kind : HostKind.values()) {
            hosts.put(host(kind), kind);
            hosts.put(kind.name(), kind);
        }
        Map<String, String> counties = new HashMap<>();
        for (Region region : counties()) {
            counties.put(region.name(), region.code());
            counties.put(region.code(), region.code());
        }
        LocalDate today = LocalDate.now(clock);
        List<Check> checks = new ArrayList<>(rows.size());
        for (Map<String, String> cells : rows) {
            checks.add(check(me, cells, hosts, counties, today));
        }
        return checks;
    }

    @Override
    public Check check(CurrentUser me, Map<String, String> cells) {
        return check(me, List.of(cells)).get(0);
    }

    private Check check(CurrentUser me, Map<String, String> cells, Map<String, HostKind> hosts,
            Map<String, String> counties, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        String name = Cells.text(cells.get("name"));
        if (name == null) {
            problems.add(Problem.of("name", "validation.required"));
        } else if (name.length() > 120) {
            problems.add(Problem.of("name", "validation.too-long"));
        } else {
            values.put("name", name);
        }
        String county = Cells.text(cells.get("region"));
        String region = county == null ? null : counties.get(county);
        if (county == null) {
            problems.add(Problem.of("region", "validation.required"));
        } else if (region == null) {
            problems.add(Problem.of("region", "import.region.unknown", county));
        } else if (!me.scope().covers(region)) {
            problems.add(Problem.of("region", "import.region.outside-scope", regions.nameOf(region)));
        } else {
            values.put("region", region);
        }
        String rawHost = Cells.text(cells.get("hostKind"));
        if (rawHost == null) {
            problems.add(Problem.of("hostKind", "validation.required"));
        } else if (!hosts.containsKey(rawHost)) {
            problems.add(Problem.of("hostKind", "import.station.host-unknown", rawHost));
        } else {
            values.put("hostKind", hosts.get(rawHost).name());
        }
        text(cells, "hostName", 100, values, problems);
        text(cells, "address", 200, values, problems);
        text(cells, "openingHours", 100, values, problems);
        String phone = Cells.text(cells.get("phone"));
        if (phone != null) {
            try {
                values.put("phone", PhoneNumber.optional("phone", Cells.ascii(phone)));
            } catch (InvalidField invalid) {
                problems.add(Problem.of("phone", invalid.messageKey()));
            }
        }
        String latitude = Cells.text(cells.get("latitude"));
        String longitude = Cells.text(cells.get("longitude"));
        try {
            Coordinates at = Coordinates.of(number(latitude, "latitude"), number(longitude, "longitude"));
            if (at != null) {
                values.put("latitude", at.latitude().toPlainString());
                values.put("longitude", at.longitude().toPlainString());
            }
        } catch (InvalidField invalid) {
            problems.add(new Problem(invalid.field(), invalid.messageKey(), invalid.arguments() == null ? List.of()
                    : List.of(invalid.arguments())));
        }
        LocalDate built = CellChecks.date(cells, "builtOn", true, today, problems);
        LocalDate accepted = CellChecks.date(cells, "acceptedOn", false, today, problems);
        if (built != null) {
            values.put("builtOn", built.toString());
        }
        if (accepted != null && built != null && accepted.isBefore(built)) {
            problems.add(Problem.of("acceptedOn", "import.station.accepted-before-built"));
        } else if (accepted != null) {
            values.put("acceptedOn", accepted.toString());
        }
        Integer year = CellChecks.year(cells, "demonstrationYear", false, today, "import.station.year", problems);
        if (year != null && Cells.text(cells.get("acceptedOn")) == null) {
            // as on the station's page: only a station the association accepted is named a demonstration site
            problems.add(Problem.of("demonstrationYear", "import.station.demonstration-not-accepted"));
        } else if (year != null && accepted != null && year < accepted.getYear()) {
            problems.add(Problem.of("demonstrationYear", "import.station.demonstration-before-accepted",
                    String.valueOf(accepted.getYear())));
        } else if (year != null) {
            values.put("demonstrationYear", String.valueOf(year));
        }
        if (!problems.isEmpty()) {
            return Check.refused(problems);
        }
        return Check.valid(values, region + "|" + name);
    }

    private static BigDecimal number(String raw, String field) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(Cells.ascii(raw).trim());
        } catch (NumberFormatException unreadable) {
            throw new InvalidField(field, "import.station.coordinate-unreadable", raw);
        }
    }

    private static void text(Map<String, String> cells, String key, int most, Map<String, String> values,
            List<Problem> problems) {
        String text = Cells.text(cells.get(key));
        if (text != null && text.length() > most) {
            problems.add(Problem.of(key, "validation.too-long"));
        } else if (text != null) {
            values.put(key, text);
        }
    }

    /** The stations on file (active or not), by county and name. */
    @Override
    public Set<String> existing(Collection<String> naturalKeys) {
        Set<String> found = new HashSet<>(naturalKeys);
        found.retainAll(organizations.onFile());
        return found;
    }

    @Override
    public List<Long> save(CurrentUser me, Source source, List<Row> rows) {
        List<HistoricalStations.NewStation> stations = rows.stream().map(row -> new HistoricalStations.NewStation(
                row.values().get("name"), row.values().get("region"), row.values().get("address"),
                row.values().get("phone"))).toList();
        List<Long> ids = organizations.record(me.username(), source.importId(), stations);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> records = new ArrayList<>(rows.size());
        List<Object[]> steps = new ArrayList<>(rows.size() * 3);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> v = rows.get(i).values();
            long id = ids.get(i);
            Date built = Date.valueOf(v.get("builtOn"));
            Date accepted = v.containsKey("acceptedOn") ? Date.valueOf(v.get("acceptedOn")) : null;
            StationStatus status = accepted != null ? StationStatus.ACCEPTED : StationStatus.BUILT;
            records.add(new Object[] {id, v.get("region"), v.get("hostKind"), v.get("hostName"),
                    v.containsKey("latitude") ? new BigDecimal(v.get("latitude")) : null,
                    v.containsKey("longitude") ? new BigDecimal(v.get("longitude")) : null, v.get("openingHours"),
                    v.get("phone"), status.name(), built,
                    v.containsKey("demonstrationYear") ? Integer.valueOf(v.get("demonstrationYear")) : null,
                    source.importId(), rows.get(i).number()});
            String note = "据历史台账导入（" + source.fileName() + " 第 " + rows.get(i).number() + " 行）";
            steps.add(new Object[] {id, StationStatus.PLANNED.name(), built, note, me.username(), now,
                source.importId()});
            steps.add(new Object[] {id, StationStatus.BUILT.name(), built, note, me.username(), now,
                source.importId()});
            if (accepted != null) {
                steps.add(new Object[] {id, StationStatus.ACCEPTED.name(), accepted, note, me.username(), now,
                    source.importId()});
            }
        }
        for (Object[] record : records) {
            jdbc.sql("""
                    insert into station (organization_id, region_code, host_kind, host_name, latitude, longitude,
                        opening_hours, public_phone, status, founded_on, demonstration_year, import_id, import_row)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(Arrays.asList(record)).update();
        }
        inserts.insert("station_step", "organization_id, status, step_on, note, recorded_by, recorded_at, import_id",
                steps);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.CREATE, Stations.ENTITY, id)
                .byActor(me.username()).withDetail("imported with import " + source.importId())).toList());
        return ids;
    }

    @Override
    public int undo(CurrentUser me, long importId) {
        List<Long> ids = jdbc.sql("select organization_id from station where import_id = :id")
                .param("id", importId).query(Long.class).list();
        if (!ids.isEmpty()) {
            // a station that staff have since moved on, corrected or named a demonstration site is theirs now
            long changed = jdbc.sql("""
                    select (select count(*) from station_step where organization_id in (:ids)
                                and (import_id is null or import_id <> :import))
                         + (select count(*) from station where organization_id in (:ids) and version > 0)""")
                    .param("ids", ids).param("import", importId).query(Long.class).single();
            if (changed > 0) {
                throw new VolunteerImports.InUse();
            }
            jdbc.sql("delete from station_step where import_id = :id").param("id", importId).update();
            jdbc.sql("delete from station where import_id = :id").param("id", importId).update();
        }
        organizations.remove(me.username(), importId);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, Stations.ENTITY, id)
                .byActor(me.username()).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }
}
