package vn.giamngheo.document;

/** Groups the annex marks with an "x", one column each, in this order. */
public enum HouseholdMark {
    /** Hộ dân tộc thiểu số. */
    ETHNIC_MINORITY,
    /** Hộ thuộc chính sách bảo trợ xã hội. */
    SOCIAL_PROTECTION
}
