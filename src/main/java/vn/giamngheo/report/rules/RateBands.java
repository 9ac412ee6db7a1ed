package vn.giamngheo.report.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bands of poverty rate, from their bounds in per cent ("1,2,3,5,10" gives &lt; 1, 1–2, 2–3, 3–5, 5–10,
 * ≥ 10): a rate on a bound falls in the band above it.
 */
public record RateBands(List<BigDecimal> bounds) {

    public RateBands {
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("at least one bound is needed");
        }
        for (int i = 0; i < bounds.size(); i++) {
            if (bounds.get(i).signum() <= 0 || bounds.get(i).compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw new IllegalArgumentException("a bound must be more than 0 and less than 100: " + bounds.get(i));
            }
            if (i > 0 && bounds.get(i).compareTo(bounds.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("bounds must increase: " + bounds);
            }
        }
        bounds = List.copyOf(bounds);
    }

    /** Parses "1, 2, 3, 5, 10" (per cent, a comma or a semicolon between bounds, a decimal point). */
    public static RateBands parse(String text) {
        List<BigDecimal> bounds = new ArrayList<>();
        for (String part : text.split("[;,]")) {
            if (!part.isBlank()) {
                try {
                    bounds.add(new BigDecimal(part.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number of per cent: '" + part.strip() + "'");
                }
            }
        }
        return new RateBands(bounds);
    }

    public int size() {
        return bounds.size() + 1;
    }

    /** The band of a share of poor households (poor / households), 0 = lowest. */
    public int bandOf(long poor, long households) {
        if (households <= 0) {
            throw new IllegalArgumentException("a rate needs households");
        }
        BigDecimal hundredPoor = BigDecimal.valueOf(poor).multiply(BigDecimal.valueOf(100));
        int band = 0;
        for (BigDecimal b : bounds) {
            // poor / households >= b / 100  <=>  100 * poor >= b * households (exact, no rounding)
            if (hundredPoor.compareTo(b.multiply(BigDecimal.valueOf(households))) >= 0) {
                band++;
            }
        }
        return band;
    }

    /** Lower bound of a band in per cent (null for the first). */
    public BigDecimal lower(int band) {
        return band == 0 ? null : bounds.get(band - 1);
    }

    /** Upper bound of a band in per cent (null for the last). */
    public BigDecimal upper(int band) {
        return band == bounds.size() ? null : bounds.get(band);
    }

    /** "< 1 %", "1–2 %", "≥ 10 %". */
    public String label(int band) {
        BigDecimal lo = lower(band);
        BigDecimal hi = upper(band);
        if (lo == null) {
            return "< " + hi.stripTrailingZeros().toPlainString() + " %";
        }
        if (hi == null) {
            return "≥ " + lo.stripTrailingZeros().toPlainString() + " %";
        }
        return lo.stripTrailingZeros().toPlainString() + "–" + hi.stripTrailingZeros().toPlainString() + " %";
    }

    /** Communes (with households) by band: number of communes, their households and poor households. */
    public List<Band> tally(Map<Long, Counts> communes) {
        long[][] sums = new long[size()][3];
        for (Counts c : communes.values()) {
            if (c.households() == 0) {
                continue;
            }
            int b = bandOf(c.poor(), c.households());
            sums[b][0]++;
            sums[b][1] += c.households();
            sums[b][2] += c.poor();
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            bands.add(new Band(i, label(i), sums[i][0], sums[i][1], sums[i][2]));
        }
        return bands;
    }

    public record Band(int index, String label, long communes, long households, long poor) {
    }
}
