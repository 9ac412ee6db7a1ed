package vn.giamngheo.field.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;

/**
 * The GPS position and the photo of a house captured in the field, read only by those who may see the household (the
 * register's area check; a helper: their assignment too). Kept apart from the register's tables, so no export carries
 * them.
 */
@Service
public class HouseholdCaptures {

    private final HouseholdRegistry registry;
    private final FieldAssignments assignments;
    private final JdbcClient jdbc;

    HouseholdCaptures(HouseholdRegistry registry, FieldAssignments assignments, JdbcClient jdbc) {
        this.registry = registry;
        this.assignments = assignments;
        this.jdbc = jdbc;
    }

    /** What the household's page shows: the position (if any) and whether a photo exists. */
    public record Capture(long householdId, BigDecimal latitude, BigDecimal longitude, BigDecimal accuracyM,
                          Instant positionCapturedAt, boolean photo, Instant photoCapturedAt) {
    }

    /** A stored photo. */
    public record Photo(String contentType, byte[] content) {
    }

    /** The household's captures when the user may see the household (not found otherwise), empty when none. */
    @Transactional(readOnly = true)
    public Optional<Capture> of(long householdId, CurrentUser user) {
        Household h = visible(householdId, user);
        var position = jdbc.sql("""
                        SELECT latitude, longitude, accuracy_m, captured_at FROM household_position
                        WHERE province_code = :p AND household_id = :h""")
                .param("p", h.provinceCode()).param("h", h.id())
                .query((rs, n) -> new Object[]{rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getTimestamp(4).toInstant()}).optional();
        var photo = jdbc.sql("SELECT captured_at FROM household_photo WHERE province_code = :p AND household_id = :h")
                .param("p", h.provinceCode()).param("h", h.id())
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
        if (position.isEmpty() && photo.isEmpty()) {
            return Optional.empty();
        }
        Object[] p = position.orElse(new Object[4]);
        return Optional.of(new Capture(h.id(), (BigDecimal) p[0], (BigDecimal) p[1], (BigDecimal) p[2], (Instant) p[3],
                photo.isPresent(), photo.orElse(null)));
    }

    /** The household's photo when the user may see the household (not found otherwise). */
    @Transactional(readOnly = true)
    public Optional<Photo> photo(long householdId, CurrentUser user) {
        Household h = visible(householdId, user);
        return jdbc.sql("SELECT content_type, content FROM household_photo WHERE province_code = :p AND household_id = :h")
                .param("p", h.provinceCode()).param("h", h.id())
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    private Household visible(long householdId, CurrentUser user) {
        Household h = registry.get(householdId, user);
        if (user.isHelper()) {
            assignments.forHousehold(h, user);
        }
        return h;
    }
}
