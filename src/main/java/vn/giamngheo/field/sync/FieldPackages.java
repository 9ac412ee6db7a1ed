package vn.giamngheo.field.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.exchange.Coded;
import vn.giamngheo.exchange.Columns;
import vn.giamngheo.exchange.Labels;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.review.ReviewRound;
import vn.giamngheo.review.RoundNotFoundException;
import vn.giamngheo.review.VillageMeeting;
import vn.giamngheo.review.VillageMeetings;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.standard.rules.PovertyStandard;

/**
 * The download package of a round's villages (issue 25 point 2): the households of the villages asked for, every one
 * in the user's assignment, in the household JSON with version, village and the server's classification, the round's
 * meetings so far, the code lists, whether identity numbers are masked and how long the device may keep the data.
 * Written as it is read, one village in memory at a time.
 */
@Service
public class FieldPackages {

    /** The parameter: days synced data stays on a device. */
    public static final String RETENTION_DAYS = "field.retention_days";

    private final FieldAssignments assignments;
    private final HouseholdRegistry registry;
    private final VillageMeetings meetings;
    private final FieldClassifications classifications;
    private final Parameters parameters;
    private final JsonMapper json;
    private final Clock clock;

    FieldPackages(FieldAssignments assignments, HouseholdRegistry registry, VillageMeetings meetings,
                  FieldClassifications classifications, Parameters parameters, JsonMapper json, Clock clock) {
        this.assignments = assignments;
        this.registry = registry;
        this.meetings = meetings;
        this.classifications = classifications;
        this.parameters = parameters;
        this.json = json;
        this.clock = clock;
    }

    /** Checks the request before anything is written: the round and every village must be in the assignment (404). */
    FieldAssignments.AssignedRound check(long roundId, List<Long> villages, CurrentUser user) {
        FieldAssignments.AssignedRound assigned = assignments.round(roundId, user);
        if (villages == null || villages.isEmpty()) {
            throw new FieldSyncException("fieldsync.package.no-village");
        }
        for (Long v : villages) {
            if (v == null || !assigned.villageIds().contains(v)) {
                throw new RoundNotFoundException("village " + v + " of round " + roundId);
            }
        }
        return assigned;
    }

    /** Writes the package of the villages (checked by {@link #check}) as JSON to {@code out}. */
    @Transactional(readOnly = true)
    public void write(FieldAssignments.AssignedRound assigned, List<Long> villages, CurrentUser user, Locale locale,
                      OutputStream out) {
        ReviewRound round = assigned.round();
        PovertyStandard standard = classifications.standardOf(round);
        boolean mask = !user.role().seesIdentityNumbers();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("roundId", round.id());
            g.writeStringProperty("standardCode", round.standardCode());
            g.writeNumberProperty("standardVersion", round.standardVersion());
            g.writeStringProperty("referenceDate", round.referenceDate().toString());
            g.writeStringProperty("generatedAt", Instant.now(clock).toString());
            g.writeBooleanProperty("maskIdentity", mask);
            g.writeNumberProperty("retentionDays", parameters.intValue(RETENTION_DAYS));
            g.writeStringProperty("retentionSource", parameters.get(RETENTION_DAYS).legalSource());
            g.writeName("codeLists");
            g.writePOJO(codeLists());
            g.writeName("households");
            g.writeStartArray();
            for (long village : villages.stream().distinct().toList()) {
                registry.forEachInVillage(round.provinceCode(), round.communeId(), village, user, h -> {
                    g.writeStartObject();
                    g.writeNumberProperty("id", h.id());
                    g.writeNumberProperty("version", h.version());
                    g.writeNumberProperty("villageId", village);
                    // the commune's area, which the classifier takes when the household's own is not recorded
                    g.writeStringProperty("communeArea", "urban".equals(h.communeAreaType()) ? "urban" : "rural");
                    g.writeName("data");
                    g.writePOJO(HouseholdJson.of(h, !mask));
                    g.writeName("classification");
                    g.writePOJO(classifications.classify(h, round, standard, locale));
                    g.writeEndObject();
                });
                g.flush();
            }
            g.writeEndArray();
            g.writeName("meetings");
            List<VillageMeeting> held = meetings.list(round.id(), user).stream()
                    .filter(m -> villages.contains(m.villageId())).toList();
            g.writePOJO(held);
            g.writeEndObject();
        } catch (tools.jackson.core.JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    /** The code list of every coded column: code and the label the pages show. */
    static Map<String, List<Map<String, String>>> codeLists() {
        Map<String, List<Map<String, String>>> lists = new LinkedHashMap<>();
        Columns.CODED.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> lists.put(e.getKey(),
                java.util.Arrays.stream(e.getValue().getEnumConstants())
                        .map(c -> Map.of("code", ((Coded) c).code(), "label", Labels.label((Coded) c))).toList()));
        return lists;
    }
}
