package vn.giamngheo.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user: who, with which role, over which unit. */
public final class CurrentUser implements UserDetails {

    private final long id;
    private final String username;
    private final String passwordHash;
    private final String fullName;
    private final Role role;
    private final AccessScope scope;
    private final String unitName;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final int sessionEpoch;
    private final boolean mustChangePassword;
    private final Long agencyId;

    public CurrentUser(long id, String username, String passwordHash, String fullName, Role role,
                       AccessScope scope, String unitName, boolean enabled, Instant lockedUntil) {
        this(id, username, passwordHash, fullName, role, scope, unitName, enabled, lockedUntil, 0, false);
    }

    /**
     * @param sessionEpoch the account's {@code session_epoch} when this principal was read: a session whose principal
     *                     carries an older epoch ends at its next request ({@link AccountSessionFilter})
     * @param mustChangePassword an administrator set the password: the user must change it before anything else
     */
    public CurrentUser(long id, String username, String passwordHash, String fullName, Role role,
                       AccessScope scope, String unitName, boolean enabled, Instant lockedUntil,
                       int sessionEpoch, boolean mustChangePassword) {
        this(id, username, passwordHash, fullName, role, scope, unitName, enabled, lockedUntil, sessionEpoch,
                mustChangePassword, null);
    }

    /** @param agencyId the agency an agency officer belongs to ({@link Role#AGENCY_OFFICER}); null for other users */
    public CurrentUser(long id, String username, String passwordHash, String fullName, Role role,
                       AccessScope scope, String unitName, boolean enabled, Instant lockedUntil,
                       int sessionEpoch, boolean mustChangePassword, Long agencyId) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.role = role;
        this.scope = scope;
        this.unitName = unitName;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.sessionEpoch = sessionEpoch;
        this.mustChangePassword = mustChangePassword;
        this.agencyId = agencyId;
    }

    public int sessionEpoch() {
        return sessionEpoch;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public long id() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public AccessScope scope() {
        return scope;
    }

    public String getUnitName() {
        return unitName;
    }

    public boolean isAdmin() {
        return role == Role.ADMINISTRATOR;
    }

    /** A helper (người giúp đỡ): only the households assigned to them. */
    public boolean isHelper() {
        return role == Role.HELPER;
    }

    /** An agency officer (cán bộ cơ quan, đơn vị): only their agency's tasks and output reports. */
    public boolean isAgencyOfficer() {
        return role == Role.AGENCY_OFFICER;
    }

    /** The agency the user belongs to (agency officers), else null. */
    public Long agencyId() {
        return agencyId;
    }

    public boolean canEdit() {
        return role.canEdit();
    }

    public boolean seesIdentityNumbers() {
        return role.seesIdentityNumbers();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
