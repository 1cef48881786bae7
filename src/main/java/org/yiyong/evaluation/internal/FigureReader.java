package org.yiyong.evaluation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.FigureSource.Cell;
import org.yiyong.shared.FigureSource.Entry;
import org.yiyong.shared.FigureSource;

/**
 * Reads the figures the modules publish for an evaluation: a figure's value in a region for a year up to the
 * cut-off (the months up to the cut-off's month, or the year-end value of a cumulative figure), by part when
 * asked, and the records it counts up to the cut-off.
 */
@Component
public class FigureReader {

    private final Map<String, FigureSource> sources;

    FigureReader(List<FigureSource> sources) {
        Map<String, FigureSource> byKey = new HashMap<>();
        for (FigureSource source : sources) {
            source.figures().forEach(figure -> byKey.put(figure.key(), source));
        }
        this.sources = Map.copyOf(byKey);
    }

    /** The values of the figures in the scope, by key and then by part ("" for a figure without parts). */
    public Map<String, Map<String, BigDecimal>> values(Year year, LocalDate cutoff, DataScope scope, Set<String> keys) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        Map<FigureSource, Set<String>> bySource = keys.stream().filter(sources::containsKey)
                .collect(Collectors.groupingBy(sources::get, Collectors.toSet()));
        int lastMonth = cutoff.getYear() > year.getValue() ? 12 : cutoff.getMonthValue();
        bySource.forEach((source, asked) -> {
            for (Cell cell : source.cells(year, year, scope, asked)) {
                if (cell.month() == 0 || cell.month() <= lastMonth) {
                    values.computeIfAbsent(cell.key(), key -> new HashMap<>()).merge(cell.part(), cell.value(),
                            BigDecimal::add);
                }
            }
        });
        return values;
    }

    /** The records a figure counts in the scope up to the cut-off, most recent first, at most {@code limit}. */
    public List<Entry> records(String key, Year year, LocalDate cutoff, DataScope scope, int limit) {
        FigureSource source = sources.get(key);
        if (source == null) {
            return List.of();
        }
        return source.records(key, year, scope, null).stream()
                .filter(entry -> entry.date() == null || !entry.date().isAfter(cutoff)).limit(limit).toList();
    }
}
