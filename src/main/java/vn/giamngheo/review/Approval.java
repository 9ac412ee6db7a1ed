package vn.giamngheo.review;

import java.time.LocalDateTime;

/** An approval or return of a commune's result by the district or the province. */
record Approval(long id, long decisionId, String level, String action, String reason, String username, LocalDateTime at) {
}
