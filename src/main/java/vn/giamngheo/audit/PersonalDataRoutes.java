package vn.giamngheo.audit;

import java.util.Map;
import java.util.Optional;

/**
 * The routes (request-mapping patterns) whose answer shows personal data of households or their members — names,
 * identity numbers, birth dates, living conditions, list status —, and which of their path variables names the
 * household or the review round. A GET of any of them is recorded in {@code personal_data_read}. The endpoint walk
 * checks that every route whose answer contains a member's name is here.
 */
public final class PersonalDataRoutes {

    /** What a route's path variables name: the household's variable and the round's, either may be null. */
    public record Route(String householdVariable, String roundVariable) {
    }

    private static final Route LIST = new Route(null, null);
    private static final Route HOUSEHOLD_ID = new Route("id", null);
    private static final Route HOUSEHOLD = new Route("householdId", null);
    private static final Route ROUND = new Route(null, "id");
    private static final Route ROUND_HOUSEHOLD = new Route("householdId", "id");

    private static final Map<String, Route> ROUTES = Map.ofEntries(
            // the register
            Map.entry("/households", LIST),
            Map.entry("/households/{id}", HOUSEHOLD_ID),
            Map.entry("/households/{id}/edit", HOUSEHOLD_ID),
            Map.entry("/households/{id}/life-events", HOUSEHOLD_ID),
            Map.entry("/households/export", LIST),
            Map.entry("/api/v1/households", LIST),
            Map.entry("/api/v1/households/export", LIST),
            Map.entry("/api/v1/households/{id}", HOUSEHOLD_ID),
            Map.entry("/api/v1/households/{id}/classification", HOUSEHOLD_ID),
            Map.entry("/api/v1/households/{id}/events", HOUSEHOLD_ID),
            // the review
            Map.entry("/reviews/{id}", ROUND),
            Map.entry("/reviews/{id}/households", ROUND),
            Map.entry("/reviews/{id}/households/search", ROUND),
            Map.entry("/reviews/{id}/households/{householdId}", ROUND_HOUSEHOLD),
            Map.entry("/reviews/{id}/households/{householdId}/certificate.pdf", ROUND_HOUSEHOLD),
            Map.entry("/reviews/{id}/annex.pdf", ROUND),
            Map.entry("/reviews/{id}/annex.xlsx", ROUND),
            Map.entry("/reviews/{id}/certificates.pdf", ROUND),
            Map.entry("/reviews/{id}/meetings/{meetingId}/minutes.pdf", ROUND),
            Map.entry("/reviews/{id}/households/{householdId}/certificate.docx", ROUND_HOUSEHOLD),
            Map.entry("/reviews/{id}/annex.docx", ROUND),
            Map.entry("/reviews/{id}/certificates.docx", ROUND),
            Map.entry("/reviews/{id}/meetings/{meetingId}/minutes.docx", ROUND),
            Map.entry("/reviews/household/{id}/statuses", HOUSEHOLD_ID),
            Map.entry("/reviews/applications", LIST),
            Map.entry("/api/v1/reviews/applications", LIST),
            Map.entry("/api/v1/reviews/{id}/households", ROUND),
            Map.entry("/api/v1/reviews/{id}/households/{householdId}", ROUND_HOUSEHOLD),
            Map.entry("/api/v1/reviews/{id}/complaints", ROUND),
            Map.entry("/api/v1/reviews/{id}/decisions/{decisionId}/households", ROUND),
            // movements on the decided lists
            Map.entry("/movements", LIST),
            Map.entry("/movements.xlsx", LIST),
            Map.entry("/api/v1/movements", LIST),
            Map.entry("/api/v1/movements/decisions/{id}", LIST),
            // escape registrations and helpers
            Map.entry("/escape/households/{id}", HOUSEHOLD_ID),
            Map.entry("/escape/mine", LIST),
            Map.entry("/escape/unassigned", LIST),
            Map.entry("/escape/organisations", LIST),
            Map.entry("/api/v1/escape/organisations", LIST),
            Map.entry("/api/v1/escape/assignments/mine", LIST),
            Map.entry("/api/v1/escape/assignments/{id}", LIST),
            Map.entry("/api/v1/escape/households/{householdId}/assignments", HOUSEHOLD),
            Map.entry("/api/v1/escape/registrations", LIST),
            Map.entry("/api/v1/escape/registrations/{id}", LIST),
            Map.entry("/api/v1/escape/unassigned", LIST),
            // support and coverage
            Map.entry("/support/benefits", LIST),
            Map.entry("/support/coverage", LIST),
            Map.entry("/api/v1/support/coverage", LIST),
            Map.entry("/support/coverage/gap.xlsx", LIST),
            Map.entry("/support/coverage/leakage.xlsx", LIST),
            Map.entry("/api/v1/support/households/{householdId}/benefits", HOUSEHOLD),
            // livelihood models' participants
            Map.entry("/livelihood/models/{id}", LIST),
            Map.entry("/livelihood/models/export.xlsx", LIST),
            Map.entry("/api/v1/livelihood/models/{id}/participants", LIST),
            // credit and labour-export registers
            Map.entry("/credit/loans", LIST),
            Map.entry("/credit/export.xlsx", LIST),
            Map.entry("/credit/import/{job}", LIST),
            Map.entry("/credit/import/{job}/progress", LIST),
            Map.entry("/credit/households/{id}", HOUSEHOLD_ID),
            Map.entry("/credit/households/{id}/panel", HOUSEHOLD_ID),
            Map.entry("/api/v1/credit/loans", LIST),
            Map.entry("/api/v1/credit/households/{householdId}/loans", HOUSEHOLD),
            Map.entry("/labour", LIST),
            Map.entry("/labour/export.xlsx", LIST),
            Map.entry("/labour/households/{id}", HOUSEHOLD_ID),
            Map.entry("/labour/households/{id}/panel", HOUSEHOLD_ID),
            Map.entry("/api/v1/labour/workers", LIST),
            Map.entry("/api/v1/labour/households/{householdId}/workers", HOUSEHOLD));

    private PersonalDataRoutes() {
    }

    /** The route of a request-mapping pattern, if it shows personal data. */
    public static Optional<Route> of(String pattern) {
        return Optional.ofNullable(pattern == null ? null : ROUTES.get(pattern));
    }

    /** Whether a request-mapping pattern shows personal data (and its reads are recorded). */
    public static boolean covers(String pattern) {
        return of(pattern).isPresent();
    }
}
