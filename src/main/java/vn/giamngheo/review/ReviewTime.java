package vn.giamngheo.review;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Moments shown on pages and documents in Vietnam's time. */
final class ReviewTime {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private ReviewTime() {
    }

    static LocalDateTime local(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(VIETNAM).toLocalDateTime();
    }
}
