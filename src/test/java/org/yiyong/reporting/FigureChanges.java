package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The statistics of the city and of some counties for a few years, read before a test enters its records,
 * and the changes the test expects: {@link #verify} reads them again and checks that every figure, in every
 * year read, changed by exactly what was entered — its total, the year before, its months, each region row
 * of the city, each part, in the city and in each county — and that each figure's list holds the new records
 * and is as long as the figure (or sums to it, for money).
 */
final class FigureChanges {

    static final String CITY = "350500";

    private final MockMvc mvc;
    private final Function<String, RequestPostProcessor> as;
    private final Set<Integer> years;
    private final Set<String> counties;
    private final Map<String, Map<String, Map<String, Object>>> before = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();

    /** One record entered: the figure it counts in, the date that counts, its region and part, how much. */
    record Change(String key, LocalDate date, String region, String part, BigDecimal amount, String path) {
    }

    FigureChanges(MockMvc mvc, Function<String, RequestPostProcessor> as, Set<Integer> years, String... counties)
            throws Exception {
        this.mvc = mvc;
        this.as = as;
        this.years = new TreeSet<>(years);
        this.counties = new LinkedHashSet<>(List.of(counties));
        for (int year : this.years) {
            for (String region : regions()) {
                before.put(year + "/" + region, figures(year, region));
            }
        }
    }

    private List<String> regions() {
        List<String> all = new ArrayList<>(List.of(CITY));
        all.addAll(counties);
        return all;
    }

    /** Expects a figure to count one more record (a count of 1, or the amount for money). */
    FigureChanges expect(String key, LocalDate date, String region, String part, Object amount, String path) {
        assertThat(years).as("the year of %s on %s was read before", key, date).contains(date.getYear());
        changes.add(new Change(key, date, region, part, new BigDecimal(amount.toString()), path));
        return this;
    }

    FigureChanges expect(String key, LocalDate date, String region, String part, String path) {
        return expect(key, date, region, part, BigDecimal.ONE, path);
    }

    /** The figures of a report by key. */
    private Map<String, Map<String, Object>> figures(int year, String region) throws Exception {
        String report = mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(year))
                        .param("region", region).with(as.apply("city-staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> figures = JsonPath.read(report, "$.sections[*].figures[*]");
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        figures.forEach(figure -> byKey.put((String) figure.get("key"), figure));
        return byKey;
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    /** code → value of a figure's regions or parts. */
    @SuppressWarnings("unchecked")
    private static Map<String, BigDecimal> rows(Map<String, Object> figure, String field) {
        Map<String, BigDecimal> rows = new HashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) figure.get(field)) {
            rows.put((String) row.get("code"), number(row.get("value")));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal month(Map<String, Object> figure, int month) {
        List<Object> months = (List<Object>) figure.get("months");
        return months.isEmpty() ? BigDecimal.ZERO : number(months.get(month - 1));
    }

    /** The expected change of a figure in a year: records of that year, or up to it for a cumulative figure. */
    private BigDecimal expected(String key, int year, boolean cumulative, Predicate<Change> which) {
        return changes.stream()
                .filter(change -> change.key().equals(key))
                .filter(change -> cumulative ? change.date().getYear() <= year : change.date().getYear() == year)
                .filter(which)
                .map(Change::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean inCounty(Change change, String county) {
        return change.region().equals(county);
    }

    /** Reads everything again and compares. */
    void verify() throws Exception {
        for (int year : years) {
            for (String region : regions()) {
                Map<String, Map<String, Object>> was = before.get(year + "/" + region);
                Map<String, Map<String, Object>> now = figures(year, region);
                assertThat(now.keySet()).isEqualTo(was.keySet());
                Predicate<Change> inScope = region.equals(CITY) ? change -> true : change -> inCounty(change, region);
                for (String key : now.keySet()) {
                    compare(year, region, key, was.get(key), now.get(key), inScope);
                }
            }
        }
        Map<List<Object>, List<Change>> lists = new LinkedHashMap<>();
        for (Change change : changes) {
            lists.computeIfAbsent(java.util.Arrays.asList(change.key(), change.date().getYear(), change.region(),
                    change.part()), list -> new ArrayList<>()).add(change);
        }
        for (List<Change> list : lists.values()) {
            listed(list);
        }
    }

    private void compare(int year, String region, String key, Map<String, Object> was, Map<String, Object> now,
            Predicate<Change> inScope) {
        boolean cumulative = (Boolean) now.get("cumulative");
        String where = key + " in " + region + " in " + year;
        assertThat(number(now.get("total")).subtract(number(was.get("total")))).as("the total of " + where)
                .isEqualByComparingTo(expected(key, year, cumulative, inScope));
        assertThat(number(now.get("previousYear")).subtract(number(was.get("previousYear"))))
                .as("the year before of " + where)
                .isEqualByComparingTo(expected(key, year - 1, cumulative, inScope));
        if (!cumulative) {
            for (int month = 1; month <= 12; month++) {
                int m = month;
                assertThat(month(now, month).subtract(month(was, month))).as("month " + month + " of " + where)
                        .isEqualByComparingTo(expected(key, year, false,
                                inScope.and(change -> change.date().getMonthValue() == m)));
            }
        }
        for (String field : List.of("regions", "parts")) {
            Map<String, BigDecimal> before = rows(was, field);
            Map<String, BigDecimal> after = rows(now, field);
            Set<String> codes = new TreeSet<>(before.keySet());
            codes.addAll(after.keySet());
            for (String code : codes) {
                Predicate<Change> row = field.equals("regions") ? change -> change.region().equals(code)
                        : change -> code.equals(change.part());
                assertThat(after.getOrDefault(code, BigDecimal.ZERO).subtract(before.getOrDefault(code,
                        BigDecimal.ZERO))).as(field + " " + code + " of " + where)
                        .isEqualByComparingTo(expected(key, year, cumulative, inScope.and(row)));
            }
        }
    }

    /**
     * The figure's list in the records' region (and part) holds the records, and is as long as the figure
     * there (for money, sums to it); so is the city's whole list.
     */
    private void listed(List<Change> same) throws Exception {
        Change change = same.get(0);
        int year = change.date().getYear();
        Map<String, Object> figure = figures(year, change.region()).get(change.key());
        boolean money = "YUAN".equals(figure.get("unit"));
        BigDecimal value = change.part() == null ? number(figure.get("total"))
                : rows(figure, "parts").getOrDefault(change.part(), BigDecimal.ZERO);
        String list = records(change.key(), year, change.region(), change.part());
        List<String> paths = JsonPath.read(list, "$.records[*].path");
        for (Change each : same) {
            if (each.path() != null) {
                assertThat(paths).as("the list of %s in %s, part %s", each.key(), each.region(), each.part())
                        .contains(each.path());
            }
        }
        assertThat(measure(list, money)).as("the list of %s in %s %d, part %s against the figure", change.key(),
                change.region(), year, change.part()).isEqualByComparingTo(value);
        assertThat(number(JsonPath.read(list, "$.total"))).isEqualByComparingTo(value);

        String city = records(change.key(), year, CITY, null);
        assertThat(measure(city, money)).as("the city's list of %s in %d", change.key(), year)
                .isEqualByComparingTo(number(figures(year, CITY).get(change.key()).get("total")));
    }

    private String records(String key, int year, String region, String part) throws Exception {
        var request = get("/api/v1/statistics/{key}/records", key).param("year", String.valueOf(year))
                .param("region", region).with(as.apply("city-staff"));
        if (part != null) {
            request = request.param("part", part);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static BigDecimal measure(String list, boolean money) {
        if (money) {
            List<Object> amounts = JsonPath.read(list, "$.records[*].amount");
            return amounts.stream().map(FigureChanges::number).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        List<Object> records = JsonPath.read(list, "$.records");
        return BigDecimal.valueOf(records.size());
    }
}
