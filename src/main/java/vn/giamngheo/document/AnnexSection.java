package vn.giamngheo.document;

/** The four lists of the decision's annex (form 02), in the order they are printed. */
public enum AnnexSection {
    POOR,
    NEAR_POOR,
    ESCAPED_POOR,
    ESCAPED_NEAR_POOR
}
