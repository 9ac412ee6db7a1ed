package vn.giamngheo.labour;

import java.time.LocalDate;
import java.util.List;

/** The records of the labour-export register. */
public final class LabourRecords {

    private LabourRecords() {
    }

    /** Contract types. */
    public static final List<String> CONTRACT_TYPES = List.of("enterprise", "public_programme", "intern_trainee",
            "individual", "other");

    /** Statuses of a worker on a date. */
    public static final List<String> STATUSES = List.of("abroad", "returned", "broke_contract");

    /** A destination country (ISO 3166-1 alpha-2) with its Vietnamese and English names. */
    public record Country(String code, String nameVi, String nameEn) {
    }

    /** A worker abroad (a member of a household) with the status on the date asked. */
    public record Worker(long id, long householdId, String householdCode, String communeCode, int memberNo,
                         String memberName, String countryCode, String contractType, LocalDate departedOn,
                         Integer contractMonths, LocalDate returnedOn, boolean brokeContract, boolean trainingSupport,
                         Long loanId, String loanContractNo, Long feesSupport, String note, int version, String status) {
    }

    /** A worker as recorded on the household page or sent to the API. */
    public record WorkerForm(Integer memberNo, String countryCode, String contractType, LocalDate departedOn,
                             Integer contractMonths, boolean trainingSupport, Long loanId, Long feesSupport, String note) {
    }

    /** A change of a worker (return, broken contract, support), with the version read. */
    public record WorkerUpdate(Integer version, String countryCode, String contractType, LocalDate departedOn,
                               Integer contractMonths, LocalDate returnedOn, boolean brokeContract,
                               boolean trainingSupport, Long loanId, Long feesSupport, String note) {
    }

    /** Workers by commune, country and status on a date; {@code departedInPeriod} those who left in the year to the date. */
    public record Figure(String unitCode, String unitName, String countryCode, long workers, long abroad, long returned,
                         long brokeContract, long households, long withLoan, long departedInYear) {
    }
}
