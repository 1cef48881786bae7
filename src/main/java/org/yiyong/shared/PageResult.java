package org.yiyong.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that was paginated in SQL. {@code page} counts from 0. A list whose rows are counted no
 * further than {@link #COUNT_CAP} says {@code totalAtLeast}: it holds more than {@code total} rows, and its pages
 * end there (a filter narrows it).
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalAtLeast) {

    /** How far a long list is counted. */
    public static final int COUNT_CAP = 10_000;

    public PageResult {
        items = List.copyOf(items);
    }

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    /** A page of a list counted up to {@link #COUNT_CAP} + 1 rows: {@code counted} above the cap means more. */
    public static <T> PageResult<T> counted(List<T> items, int page, int size, long counted) {
        return counted > COUNT_CAP ? new PageResult<>(items, page, size, COUNT_CAP, true)
                : new PageResult<>(items, page, size, counted, false);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalAtLeast);
    }
}
