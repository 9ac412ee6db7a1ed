package vn.giamngheo.budget.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How far money has come: need (nhu cầu), allocated (kế hoạch vốn giao), disbursed (giải ngân) and
 * settled (quyết toán). Each budget line holds one amount per stage, million VND.
 */
public enum BudgetStage {
    NEED, ALLOCATED, DISBURSED, SETTLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BudgetStage> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
