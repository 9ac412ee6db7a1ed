package vn.giamngheo.security;

/** What a user may do; where they may do it comes from their unit (see {@link AccessScope}). */
public enum Role {
    /** Cán bộ cấp xã: enters and reviews the households of their commune. */
    COMMUNE_OFFICER(true),
    /** Chủ tịch UBND xã: decides and certifies; may also edit. */
    COMMUNE_CHAIR(true),
    /** Cán bộ cấp tỉnh: consolidates, approves and plans for the province. */
    PROVINCE_OFFICER(true),
    /** Bộ: reads national figures; changes nothing. */
    MINISTRY_VIEWER(false),
    /** Quản trị hệ thống: users, parameters, audit log; national scope. */
    ADMINISTRATOR(true),
    /**
     * Người giúp đỡ: a volunteer of an organisation (Women's Union, Farmers' Union, …) of a commune who sees only the
     * households assigned to them and records their own visits; every other page and API is closed to them
     * ({@link SecurityConfiguration#HELPER_PATHS}).
     */
    HELPER(false),
    /**
     * Cán bộ cơ quan, đơn vị: an officer of an agency (a provincial department, the social-policy bank's branch, a mass
     * organisation, a commune's office) who sees the tasks, outputs and output reports of their agency within their
     * area and reports the outputs; every other page and API is closed to them
     * ({@link SecurityConfiguration#AGENCY_OFFICER_PATHS}).
     */
    AGENCY_OFFICER(false);

    private final boolean canEdit;

    Role(boolean canEdit) {
        this.canEdit = canEdit;
    }

    public boolean canEdit() {
        return canEdit;
    }

    /** Whether this role sees full citizen identity numbers (others see them masked). */
    public boolean seesIdentityNumbers() {
        return this == COMMUNE_OFFICER || this == COMMUNE_CHAIR || this == ADMINISTRATOR;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
