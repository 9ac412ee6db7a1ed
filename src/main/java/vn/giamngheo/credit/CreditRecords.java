package vn.giamngheo.credit;

import java.time.LocalDate;
import java.util.List;

/** The records of the credit register. */
public final class CreditRecords {

    private CreditRecords() {
    }

    /** Interest categories of a loan. */
    public static final List<String> INTEREST_CATEGORIES = List.of("preferential", "standard", "interest_free", "other");

    /** Statuses of a loan on a date. */
    public static final List<String> STATUSES = List.of("current", "overdue", "settled");

    /** A lending programme of the social-policy bank. */
    public record Programme(String code, String nameVi, String nameEn, String legalSource, String confidence,
                            String supportPolicyCode) {
    }

    /**
     * A loan with its balances on the date asked: the latest statement on or before it (none: the amount lent,
     * nothing overdue). {@code status} is current, overdue or settled (settled on or before the date, or a zero balance).
     */
    public record Loan(long id, String provinceCode, long householdId, String householdCode, String communeCode, String headName,
                       Integer memberNo, String programmeCode, String contractNo, long amount, LocalDate disbursedOn,
                       int termMonths, String interestCategory, LocalDate settledOn, String note, String source,
                       int version, LocalDate balanceDate, long outstanding, long overdue, String status) {
    }

    /** A balance statement of a loan. */
    public record Statement(long id, long loanId, LocalDate date, long outstanding, long overdue, String source,
                            String recordedBy) {
    }

    /** A loan as typed on the household page or sent to the API. */
    public record LoanForm(Long householdId, Integer memberNo, String programmeCode, String contractNo, Long amount,
                           LocalDate disbursedOn, Integer termMonths, String interestCategory, String note) {
    }

    /** A correction of a loan (with the version it was read at): programme, amount, term, interest, settled date, note. */
    public record LoanCorrection(Integer version, String programmeCode, Long amount, Integer termMonths,
                                 String interestCategory, LocalDate settledOn, String note) {
    }

    /** A balance statement typed on the page or sent to the API. */
    public record StatementForm(LocalDate date, Long outstanding, Long overdue) {
    }

    /** One cell of the figures: loans and households, amounts in đồng, by unit, programme and status. */
    public record Figure(String unitCode, String unitName, String programmeCode, String status, long loans,
                         long households, long amount, long outstanding, long overdue) {
    }
}
