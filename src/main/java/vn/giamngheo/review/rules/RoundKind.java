package vn.giamngheo.review.rules;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** Periodic review (rà soát định kỳ, once a year) or monthly in-year review (rà soát thường xuyên). */
@NamedInterface("rounds")
public enum RoundKind {
    PERIODIC, MONTHLY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoundKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
