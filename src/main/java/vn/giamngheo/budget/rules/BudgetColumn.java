package vn.giamngheo.budget.rules;

import java.util.List;
import java.util.Locale;

/** The amount columns of a budget table, million VND (exchange-format §5). */
public enum BudgetColumn {
    TOTAL, CENTRAL, LOCAL, BANK, MOBILISED;

    public static final List<BudgetColumn> SOURCES = List.of(CENTRAL, LOCAL, BANK, MOBILISED);

    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
