package vn.giamngheo.geography;

import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * Resolves a unit id inside the user's area, the one place where features ask "may this user see this unit?".
 * A unit outside the area is treated like a unit that does not exist (404), so that the answer tells nothing.
 * Features keep their own 404 by {@code find(…).orElseThrow(…)}; the area condition of their SQL is
 * {@link AreaFilter}.
 */
@Service
public class AreaUnits {

    private final GeographyCatalog catalog;

    AreaUnits(GeographyCatalog catalog) {
        this.catalog = catalog;
    }

    /** The unit with this id (latest names) if it lies in the area; empty when unknown or outside. */
    public Optional<AdminUnit> find(long id, AccessScope scope) {
        return catalog.unit(id).filter(unit -> scope.contains(unit.path()));
    }

    public Optional<AdminUnit> find(long id, CurrentUser user) {
        return find(id, user.scope());
    }

    /**
     * The unit with this id inside the user's area.
     *
     * @throws UnitOutsideAreaException (404) when the unit is unknown or outside the area
     */
    public AdminUnit resolve(long id, CurrentUser user) {
        return find(id, user).orElseThrow(() -> new UnitOutsideAreaException(id));
    }

    /** The user's own unit; empty for a national user. */
    public Optional<AdminUnit> home(CurrentUser user) {
        AccessScope scope = user.scope();
        return scope.national() ? Optional.empty() : catalog.unit(scope.unitId());
    }

    /** The area condition of the user's queries. */
    public static AreaFilter filter(CurrentUser user) {
        return AreaFilter.of(user.scope());
    }
}
