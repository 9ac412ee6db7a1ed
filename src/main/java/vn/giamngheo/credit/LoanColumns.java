package vn.giamngheo.credit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.exchange.Labels;

/**
 * Columns of the bank's loan file (CSV, or XLSX sheet {@code loans}), docs/exchange-format.md "Loans of the
 * social-policy bank". Every column may be headed by its machine name or by its Vietnamese title (case, accents
 * and extra spaces do not matter).
 */
final class LoanColumns {

    static final String COMMUNE_CODE = "commune_code";
    static final String HOUSEHOLD_CODE = "household_code";
    static final String ID_NUMBER = "id_number";
    static final String PROGRAMME = "programme_code";
    static final String CONTRACT_NO = "contract_no";
    static final String AMOUNT = "amount";
    static final String DISBURSED_ON = "disbursed_on";
    static final String TERM_MONTHS = "term_months";
    static final String INTEREST = "interest_category";
    static final String STATEMENT_DATE = "statement_date";
    static final String OUTSTANDING = "outstanding";
    static final String OVERDUE = "overdue";
    static final String SETTLED_ON = "settled_on";

    static final List<String> ALL = List.of(COMMUNE_CODE, HOUSEHOLD_CODE, ID_NUMBER, PROGRAMME, CONTRACT_NO, AMOUNT,
            DISBURSED_ON, TERM_MONTHS, INTEREST, STATEMENT_DATE, OUTSTANDING, OVERDUE, SETTLED_ON);
    static final List<String> REQUIRED = List.of(COMMUNE_CODE, PROGRAMME, CONTRACT_NO, AMOUNT, DISBURSED_ON,
            TERM_MONTHS, STATEMENT_DATE, OUTSTANDING);

    /** The Vietnamese titles the bank's export and the template use. */
    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry(COMMUNE_CODE, "Mã xã"), Map.entry(HOUSEHOLD_CODE, "Mã hộ"),
            Map.entry(ID_NUMBER, "Số CCCD"), Map.entry(PROGRAMME, "Chương trình cho vay"),
            Map.entry(CONTRACT_NO, "Số khế ước"), Map.entry(AMOUNT, "Số tiền vay"),
            Map.entry(DISBURSED_ON, "Ngày giải ngân"), Map.entry(TERM_MONTHS, "Thời hạn vay (tháng)"),
            Map.entry(INTEREST, "Loại lãi suất"), Map.entry(STATEMENT_DATE, "Ngày sao kê"),
            Map.entry(OUTSTANDING, "Dư nợ"), Map.entry(OVERDUE, "Nợ quá hạn"), Map.entry(SETTLED_ON, "Ngày tất toán"));

    private static final Map<String, String> BY_FOLDED = new HashMap<>();

    static {
        for (String column : ALL) {
            BY_FOLDED.put(Labels.fold(column), column);
            BY_FOLDED.put(Labels.fold(TITLES.get(column)), column);
        }
        BY_FOLDED.put(Labels.fold("Số CMND/CCCD"), ID_NUMBER);
        BY_FOLDED.put(Labels.fold("Số định danh cá nhân"), ID_NUMBER);
        BY_FOLDED.put(Labels.fold("Thời hạn"), TERM_MONTHS);
        BY_FOLDED.put(Labels.fold("Dư nợ quá hạn"), OVERDUE);
        BY_FOLDED.put(Labels.fold("Mã chương trình"), PROGRAMME);
    }

    static final String SHEET = "loans";
    static final int MAX_ROWS = 200_000;

    private LoanColumns() {
    }

    /** The column a header names, by machine name or Vietnamese title. */
    static Optional<String> column(String header) {
        return Optional.ofNullable(BY_FOLDED.get(Labels.fold(header)));
    }
}
