package vn.giamngheo.programme;

/**
 * A catalogue item: a general policy, a project or a sub-project of a programme period, with its lead
 * and partner agencies and the source it comes from ({@code confidence} S, S2 or ?).
 */
public record ProgrammeItem(long id, String periodCode, String code, Long parentId, String kind, int sortOrder,
                            String shortNameVi, String nameVi, String nameEn, String leadAgency, String partnerAgencies,
                            String legalSource, String confidence, boolean active) {

    public static final String POLICY = "policy";
    public static final String PROJECT = "project";
    public static final String SUB_PROJECT = "sub_project";

    /** The name as plans print it: "Dự án 3: Hỗ trợ phát triển sản xuất…". */
    public String printedName() {
        return shortNameVi == null || shortNameVi.isBlank() ? nameVi : shortNameVi + ": " + nameVi;
    }
}
