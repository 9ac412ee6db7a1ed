package vn.giamngheo.review;

import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/** Who may do which step of the review (where they may do it comes from their area). */
final class ReviewAccess {

    private ReviewAccess() {
    }

    /** Commune work (rounds, applications, collection, meetings, posting, complaints): any editing role. */
    static void requireCommuneEditor(CurrentUser user) {
        if (!user.role().canEdit()) {
            throw new AccessDeniedException("the review is carried out by commune, province or system staff");
        }
    }

    /** Only the commune chair signs the decision recognising the lists. */
    static void requireChair(CurrentUser user) {
        if (user.role() != Role.COMMUNE_CHAIR) {
            throw new AccessDeniedException("only the commune chair decides the lists");
        }
    }

    /** Approval up the levels: province officers (recording the district's approval for earlier rounds too). */
    static void requireApprover(CurrentUser user) {
        if (user.role() != Role.PROVINCE_OFFICER && user.role() != Role.ADMINISTRATOR) {
            throw new AccessDeniedException("results are approved by the province");
        }
    }
}
