package org.yiyong.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.Region;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.FigureSource;
import org.yiyong.shared.FigureSource.Cell;
import org.yiyong.shared.FigureSource.Entry;
import org.yiyong.shared.FigureSource.Figure;
import org.yiyong.shared.FigureSource.Section;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.shared.RegionCode;

/**
 * The statistics of a year for a region: every figure the modules publish ({@link FigureSource}), with
 * its definition, the year before for comparison, its months, its parts and its value in each region
 * directly below. City staff and leaders see the city with a breakdown per county; county staff see
 * their county only; a region outside the user's scope does not exist for them.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

    /** Who reads statistics: the staff who keep the records and the leaders. */
    public static final Set<Role> READERS = Set.of(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.LEADER);

    private final List<FigureSource> sources;
    private final Regions regions;
    private final MessageSource messages;
    private final Clock clock;

    Statistics(List<FigureSource> sources, Regions regions, MessageSource messages, Clock clock) {
        this.sources = List.copyOf(sources);
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    /** The report of a year; the region is the user's own when not given. */
    public StatisticsReport of(CurrentUser me, Integer year, RegionCode regionCode) {
        Year asked = year(year);
        Region region = region(me, regionCode);
        DataScope scope = regions.scopeOf(region.code());
        Map<String, String> rollUp = rollUp(region);
        List<Cell> cells = new ArrayList<>();
        List<Cell> before = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        for (FigureSource source : sources) {
            figures.addAll(source.figures());
            Set<String> keys = source.figures().stream().map(Figure::key).collect(Collectors.toSet());
            for (Cell cell : source.cells(asked.minusYears(1), asked, scope, keys)) {
                (cell.year() == asked.getValue() ? cells : before).add(cell);
            }
        }
        Map<String, List<Cell>> cellsByKey = byKey(cells);
        Map<String, List<Cell>> beforeByKey = byKey(before);
        Locale locale = LocaleContextHolder.getLocale();
        Map<Section, List<FigureValue>> sections = new EnumMap<>(Section.class);
        for (Figure figure : figures) {
            FigureValue value = value(figure, cellsByKey.getOrDefault(figure.key(), List.of()),
                    beforeByKey.getOrDefault(figure.key(), List.of()), region, rollUp, locale);
            sections.computeIfAbsent(figure.section(), key -> new ArrayList<>()).add(value);
        }
        List<SectionValue> sectionValues = sections.entrySet().stream()
                .map(entry -> new SectionValue(entry.getKey(),
                        messages.getMessage("figure.section." + entry.getKey(), null, locale), entry.getValue()))
                .toList();
        return new StatisticsReport(asked.getValue(), region.code(), region.name(), breakdown(region),
                sectionValues);
    }

    /**
     * The totals of some figures over the years up to {@code lastYear} (ten years when not given), for the
     * trends of the dashboard: the same numbers as the statistics of each of those years.
     */
    public Trend trend(CurrentUser me, Integer lastYear, RegionCode regionCode, List<String> keys, int years) {
        Year last = year(lastYear);
        Region region = region(me, regionCode);
        DataScope scope = regions.scopeOf(region.code());
        Set<String> wanted = Set.copyOf(keys);
        Map<String, Figure> figures = new LinkedHashMap<>();
        sources.forEach(source -> source.figures().stream().filter(figure -> wanted.contains(figure.key()))
                .forEach(figure -> figures.put(figure.key(), figure)));
        List<Integer> yearList = new ArrayList<>();
        Map<String, List<BigDecimal>> values = new LinkedHashMap<>();
        keys.stream().filter(figures::containsKey).forEach(key -> values.put(key, new ArrayList<>()));
        Year first = last.minusYears(years - 1L);
        Map<Integer, Map<String, BigDecimal>> totals = new HashMap<>();
        for (FigureSource source : sources) {
            source.cells(first, last, scope, wanted).forEach(cell -> totals
                    .computeIfAbsent(cell.year(), year -> new HashMap<>())
                    .merge(cell.key(), cell.value(), BigDecimal::add));
        }
        for (int year = first.getValue(); year <= last.getValue(); year++) {
            yearList.add(year);
            Map<String, BigDecimal> ofYear = totals.getOrDefault(year, Map.of());
            values.forEach((key, list) -> list.add(ofYear.getOrDefault(key, BigDecimal.ZERO)));
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<Series> series = values.entrySet().stream()
                .map(entry -> new Series(entry.getKey(), label(figures.get(entry.getKey()), locale),
                        figures.get(entry.getKey()).unit(), entry.getValue()))
                .toList();
        return new Trend(region.code(), region.name(), yearList, series);
    }

    /** Figures over the years. */
    public record Trend(String regionCode, String regionName, List<Integer> years, List<Series> series) {
    }

    /** One figure's totals, a value per year of the trend. */
    public record Series(String key, String label, FigureSource.Unit unit, List<BigDecimal> values) {
    }

    /** The records one figure counts, in the same year and region as its value. */
    public FigureRecords records(CurrentUser me, String key, Integer year, RegionCode regionCode, String part) {
        Year asked = year(year);
        Region region = region(me, regionCode);
        for (FigureSource source : sources) {
            for (Figure figure : source.figures()) {
                if (figure.key().equals(key)) {
                    List<Entry> entries = source.records(key, asked, regions.scopeOf(region.code()), part);
                    Locale locale = LocaleContextHolder.getLocale();
                    List<FigureRecord> records = entries.stream()
                            .map(entry -> new FigureRecord(entry.reference(), entry.description(), entry.date(),
                                    entry.regionCode(), regions.nameOf(entry.regionCode()), entry.part(),
                                    partLabel(figure, entry.part(), entry.partLabel(), locale), entry.amount(),
                                    entry.path()))
                            .toList();
                    BigDecimal total = figure.unit().isSum()
                            ? entries.stream().map(Entry::amount).filter(java.util.Objects::nonNull)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                            : BigDecimal.valueOf(entries.size());
                    return new FigureRecords(key, label(figure, locale), definition(figure, locale),
                            figure.unit(), asked.getValue(), region.code(), region.name(),
                            part == null || part.isEmpty() ? null : part,
                            part == null || part.isEmpty() ? null : partLabel(figure, part, entries.isEmpty() ? null
                                    : entries.get(0).partLabel(), locale), total, records);
                }
            }
        }
        throw new RecordNotFound("Figure", key);
    }

    private Year year(Integer year) {
        int value = year == null ? LocalDate.now(clock).getYear() : Inputs.year("year", year);
        return Year.of(value);
    }

    private Region region(CurrentUser me, RegionCode regionCode) {
        if (READERS.stream().noneMatch(me::has)) {
            throw new NotAllowed("statistics.not-allowed");
        }
        RegionCode code = regionCode == null ? RegionCode.of(me.regionCode()) : regionCode;
        if (!me.scope().covers(code)) {
            throw new RecordNotFound("Region", code);
        }
        return regions.find(code).orElseThrow(() -> new RecordNotFound("Region", code));
    }

    /** Each region code of the scope mapped to the region directly below the asked one that holds it. */
    private Map<String, String> rollUp(Region region) {
        Map<String, String> rollUp = new HashMap<>();
        rollUp.put(region.code(), region.code());
        for (Region child : region.children()) {
            regions.scopeOf(child.code()).regionCodes().forEach(code -> rollUp.put(code, child.code()));
        }
        return rollUp;
    }

    private List<RegionName> breakdown(Region region) {
        List<RegionName> rows = new ArrayList<>();
        region.children().forEach(child -> rows.add(new RegionName(child.code(), child.name())));
        return rows;
    }

    private FigureValue value(Figure figure, List<Cell> cells, List<Cell> before, Region region,
            Map<String, String> rollUp, Locale locale) {
        BigDecimal total = sum(cells);
        BigDecimal[] months = new BigDecimal[12];
        java.util.Arrays.fill(months, BigDecimal.ZERO);
        Map<String, BigDecimal> byRegion = new LinkedHashMap<>();
        region.children().forEach(child -> byRegion.put(child.code(), BigDecimal.ZERO));
        Map<String, BigDecimal> byPart = new LinkedHashMap<>();
        Map<String, String> partLabels = new HashMap<>();
        for (Cell cell : cells) {
            if (cell.month() >= 1 && cell.month() <= 12) {
                months[cell.month() - 1] = months[cell.month() - 1].add(cell.value());
            }
            byRegion.merge(rollUp.getOrDefault(cell.regionCode(), region.code()), cell.value(), BigDecimal::add);
            if (!cell.part().isEmpty()) {
                byPart.merge(cell.part(), cell.value(), BigDecimal::add);
                if (cell.partLabel() != null) {
                    partLabels.put(cell.part(), cell.partLabel());
                }
            }
        }
        List<RegionValue> regionValues = byRegion.entrySet().stream()
                .map(entry -> new RegionValue(entry.getKey(), entry.getKey().equals(region.code())
                        ? messages.getMessage("statistics.region.itself", new Object[] {region.name()}, locale)
                        : regions.nameOf(entry.getKey()), entry.getValue()))
                .toList();
        List<PartValue> partValues = byPart.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new PartValue(entry.getKey(),
                        partLabel(figure, entry.getKey(), partLabels.get(entry.getKey()), locale),
                        entry.getValue()))
                .toList();
        return new FigureValue(figure.key(), label(figure, locale), definition(figure, locale), figure.unit(),
                messages.getMessage("figure.unit." + figure.unit(), null, locale), figure.cumulative(), total,
                sum(before), figure.cumulative() ? List.of() : List.of(months), regionValues, partValues);
    }

    private String label(Figure figure, Locale locale) {
        return messages.getMessage("figure." + figure.key(), null, figure.key(), locale);
    }

    private String definition(Figure figure, Locale locale) {
        return messages.getMessage("figure." + figure.key() + ".definition", null, "", locale);
    }

    private String partLabel(Figure figure, String part, String dataLabel, Locale locale) {
        if (part == null || part.isEmpty()) {
            return part;
        }
        if (figure.partMessagePrefix() == null) {
            return dataLabel == null ? part : dataLabel;
        }
        return messages.getMessage(figure.partMessagePrefix() + part, null, part, locale);
    }

    private static Map<String, List<Cell>> byKey(List<Cell> cells) {
        Map<String, List<Cell>> byKey = new HashMap<>();
        cells.forEach(cell -> byKey.computeIfAbsent(cell.key(), key -> new ArrayList<>()).add(cell));
        return byKey;
    }

    private static BigDecimal sum(List<Cell> cells) {
        return cells.stream().map(Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The statistics of a year for a region, section by section. */
    public record StatisticsReport(int year, String regionCode, String regionName, List<RegionName> regions,
            List<SectionValue> sections) {

        /** The figure with the key, for the dashboard and the report. */
        public FigureValue figure(String key) {
            return sections.stream().flatMap(section -> section.figures().stream())
                    .filter(figure -> figure.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No figure " + key));
        }
    }

    /** A region the statistics break down into. */
    public record RegionName(String code, String name) {
    }

    /** A section of the report with its figures. */
    public record SectionValue(Section section, String label, List<FigureValue> figures) {
    }

    /**
     * A figure's value: the year's total, the year before's, the twelve months (empty for a cumulative
     * figure), each region directly below the asked one (and the asked region itself when records are
     * filed there), and each part.
     */
    public record FigureValue(String key, String label, String definition, FigureSource.Unit unit,
            String unitLabel, boolean cumulative, BigDecimal total, BigDecimal previousYear,
            List<BigDecimal> months, List<RegionValue> regions, List<PartValue> parts) {

        /** The change on the year before (同比) in percent, one decimal; {@code null} when that year had none. */
        public BigDecimal changePercent() {
            if (previousYear.signum() == 0) {
                return null;
            }
            return total.subtract(previousYear).multiply(BigDecimal.valueOf(100))
                    .divide(previousYear, 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** A figure's value in one region. */
    public record RegionValue(String code, String name, BigDecimal value) {
    }

    /** A figure's value in one of its parts (a category, a title…). */
    public record PartValue(String code, String label, BigDecimal value) {
    }

    /** The records a figure counts: their number (or, for money, the sum of their amounts) is the figure. */
    public record FigureRecords(String key, String label, String definition, FigureSource.Unit unit, int year,
            String regionCode, String regionName, String part, String partLabel, BigDecimal total,
            List<FigureRecord> records) {
    }

    /** One record a figure counts, with the page where it is shown. */
    public record FigureRecord(String reference, String description, LocalDate date, String regionCode,
            String regionName, String part, String partLabel, BigDecimal amount, String path) {
    }
}
