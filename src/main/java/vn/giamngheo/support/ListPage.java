package vn.giamngheo.support;

import java.util.List;

/**
 * One page of a list computed whole (the gap and leakage lists of a commune's coverage: thousands of people in a
 * commune of 8,000 households; the page shows {@link #SIZE} at a time and the XLSX the whole list). {@code number}
 * counts from 1; a requested page beyond the last gives the last, below the first the first.
 */
public record ListPage<T>(List<T> rows, int total, int number, int pages, int size) {

    /** Rows on a page of the coverage page's lists. */
    public static final int SIZE = 100;

    public static <T> ListPage<T> of(List<T> all, Integer requested, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size " + size);
        }
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int number = requested == null ? 1 : Math.min(Math.max(requested, 1), pages);
        int from = (number - 1) * size;
        return new ListPage<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), number, pages, size);
    }

    /** The position of the page's first row in the whole list, from 1 (0 when the list is empty). */
    public int first() {
        return rows.isEmpty() ? 0 : (number - 1) * size + 1;
    }

    /** The position of the page's last row in the whole list, from 1 (0 when the list is empty). */
    public int last() {
        return rows.isEmpty() ? 0 : first() + rows.size() - 1;
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }
}
