package vn.giamngheo.programme;

/**
 * A catalogue item: a component, a general policy, a project or a sub-project of a programme period, with its lead
 * and partner agencies (the free text of the old seeds; the links are {@link ItemAgency}) and the source it comes
 * from ({@code confidence} S, S2 or ?). {@code provinceCode} is set on a province's own item, null on national ones.
 */
public record ProgrammeItem(long id, String periodCode, String code, Long parentId, String kind, int sortOrder,
                            String shortNameVi, String nameVi, String nameEn, String leadAgency, String partnerAgencies,
                            String legalSource, String confidence, boolean active, String provinceCode, String note,
                            int version) {

    public static final String COMPONENT = "component";
    public static final String POLICY = "policy";
    public static final String PROJECT = "project";
    public static final String SUB_PROJECT = "sub_project";

    /** The kinds an item may have, in the order forms offer them. */
    public static final java.util.List<String> KINDS = java.util.List.of(COMPONENT, PROJECT, SUB_PROJECT, POLICY);

    /** Whether the item is a province's own (its provincial programme). */
    public boolean provincial() {
        return provinceCode != null;
    }

    /** The name as plans print it: "Dự án 3: Hỗ trợ phát triển sản xuất…". */
    public String printedName() {
        return shortNameVi == null || shortNameVi.isBlank() ? nameVi : shortNameVi + ": " + nameVi;
    }
}
