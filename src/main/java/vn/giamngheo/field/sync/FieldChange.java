package vn.giamngheo.field.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a device sends to {@code POST /api/v1/field/changes}: its id and the changes of its queue, each made on the
 * device with its own id, kind, household (null for a new one), the version it was based on, when it was captured and
 * its data (household JSON, a meeting, a position or a photo).
 */
public record FieldChange(UUID changeId, String kind, Long householdId, Integer baseVersion, Instant capturedAt,
                          Map<String, Object> data) {

    public static final String UPDATE = "household.update";
    public static final String CREATE = "household.create";
    public static final String MEETING = "meeting.record";
    public static final String POSITION = "household.position";
    public static final String PHOTO = "household.photo";
    public static final List<String> KINDS = List.of(UPDATE, CREATE, MEETING, POSITION, PHOTO);

    /** A device's batch of changes. */
    public record Batch(String deviceId, List<FieldChange> changes) {
    }
}
