package vn.giamngheo.budget.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the money of a budget line comes from (domain §5). The central budget is split into investment
 * (đầu tư phát triển) and recurrent (sự nghiệp) funds; plans that print only one central figure are
 * recorded as {@link #CENTRAL_UNSPLIT}. In the printed table (exchange-format §5) the three central
 * sources make up the {@code central} column.
 */
public enum FundingSource {
    CENTRAL_INVESTMENT(BudgetColumn.CENTRAL),
    CENTRAL_RECURRENT(BudgetColumn.CENTRAL),
    CENTRAL_UNSPLIT(BudgetColumn.CENTRAL),
    LOCAL(BudgetColumn.LOCAL),
    BANK(BudgetColumn.BANK),
    MOBILISED(BudgetColumn.MOBILISED);

    private final BudgetColumn column;

    FundingSource(BudgetColumn column) {
        this.column = column;
    }

    /** The column of the printed budget table this source is added to. */
    public BudgetColumn column() {
        return column;
    }

    /** The code stored in the database and used in the API: {@code central_investment}, {@code bank}… */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FundingSource> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
