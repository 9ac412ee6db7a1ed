package vn.giamngheo.task.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an output has reached to date from its accepted reports. A quarter's figure covers its own three months; the
 * 6-month, 9-month and annual figures run from 1 January (the monitoring reports' data periods), so they are not
 * added to each other: in each year the figure is the one with the latest data end — the accepted cumulative report,
 * or the sum of the accepted quarters when a quarter ends later — and the years are added.
 */
public final class OutputProgress {

    private OutputProgress() {
    }

    /** One accepted report's figure of an output (summed over its communes). */
    public record Accepted(String kind, int year, int number, LocalDate periodEnd, BigDecimal value) {
    }

    /** The figure reached to date; empty when no report was accepted. */
    public static Optional<BigDecimal> reached(Collection<Accepted> accepted) {
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, java.util.List<Accepted>> byYear = accepted.stream()
                .collect(Collectors.groupingBy(Accepted::year, TreeMap::new, Collectors.toList()));
        BigDecimal total = BigDecimal.ZERO;
        for (java.util.List<Accepted> year : byYear.values()) {
            Optional<Accepted> cumulative = year.stream().filter(a -> !"quarter".equals(a.kind()))
                    .max(Comparator.comparing(Accepted::periodEnd));
            Optional<Accepted> lastQuarter = year.stream().filter(a -> "quarter".equals(a.kind()))
                    .max(Comparator.comparing(Accepted::periodEnd));
            boolean quartersLater = lastQuarter.isPresent()
                    && (cumulative.isEmpty() || lastQuarter.get().periodEnd().isAfter(cumulative.get().periodEnd()));
            if (quartersLater) {
                total = total.add(year.stream().filter(a -> "quarter".equals(a.kind())).map(Accepted::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            } else {
                total = total.add(cumulative.get().value());
            }
        }
        return Optional.of(total);
    }

    /** value / target × 100 to one decimal; null without a value or a positive target. */
    public static BigDecimal share(BigDecimal value, BigDecimal target) {
        if (value == null || target == null || target.signum() <= 0) {
            return null;
        }
        return value.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
    }
}
