package vn.giamngheo.monitoring;

import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * Who owns the indicators and validation rules: administrators the national ones (and may edit every province's),
 * a province officer their province's own; everyone else reads. A province sees the national items and its own.
 */
final class CatalogueOwner {

    private CatalogueOwner() {
    }

    /** Whether the user may add items (administrators and province officers). */
    static boolean mayAdd(CurrentUser user) {
        return user.isAdmin() || (user.role() == Role.PROVINCE_OFFICER && user.scope().provinceCode() != null);
    }

    /** The province a new item of the user belongs to: null (national) for an administrator. */
    static String newItemProvince(CurrentUser user) {
        if (user.isAdmin()) {
            return null;
        }
        if (!mayAdd(user)) {
            throw new AccessDeniedException("only administrators and province officers add indicators and rules");
        }
        return user.scope().provinceCode();
    }

    /** Whether the user sees an item of the province ({@code null}: national). */
    static boolean sees(String itemProvince, CurrentUser user) {
        return itemProvince == null || user.scope().provinceCode() == null || itemProvince.equals(user.scope().provinceCode());
    }

    /** Whether the user may change an item of the province ({@code null}: national). */
    static boolean mayEdit(String itemProvince, CurrentUser user) {
        return user.isAdmin() || (mayAdd(user) && itemProvince != null && itemProvince.equals(user.scope().provinceCode()));
    }

    static void checkSees(String itemProvince, CurrentUser user, String what) {
        if (!sees(itemProvince, user)) {
            throw new ProgrammeNotFoundException("no " + what + " in the user's area");
        }
    }

    static void checkMayEdit(String itemProvince, CurrentUser user, String what) {
        checkSees(itemProvince, user, what);
        if (!mayEdit(itemProvince, user)) {
            throw new AccessDeniedException(itemProvince == null ? "only administrators change national " + what + "s"
                    : "only the province's officers change its " + what + "s");
        }
    }
}
