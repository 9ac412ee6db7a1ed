package vn.giamngheo.field.sync;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The field app's API (issue 25): the user's assignment, the download package of a round's villages, the changes a
 * device sends back, and the user's open conflicts. Everything is limited to the user's own assignment: a round,
 * village or household outside it answers 404. An expired session answers 401 (problem details), never the login page.
 */
@RestController
@RequestMapping("/api/v1/field")
class FieldSyncApiController {

    private final FieldAssignments assignments;
    private final FieldPackages packages;
    private final FieldChanges changes;
    private final FieldConflicts conflicts;

    FieldSyncApiController(FieldAssignments assignments, FieldPackages packages, FieldChanges changes,
                           FieldConflicts conflicts) {
        this.assignments = assignments;
        this.packages = packages;
        this.changes = changes;
        this.conflicts = conflicts;
    }

    /**
     * The caller's assignment for the field survey.
     * The open rounds the caller surveys, each with its commune, standard, reference date and the villages assigned
     * (a commune officer: every village of their commune's open rounds; a helper: the villages assigned to them), with
     * their numbers of households.
     */
    @GetMapping("/assignments")
    List<FieldAssignments.Assignment> assignments() {
        return assignments.of(CurrentUsers.require(), LocaleContextHolder.getLocale());
    }

    /**
     * The download package of villages of a round.
     * The households of the villages asked for (all must be in the caller's assignment) in the household JSON of
     * exchange-format §1, each with its version, village and the server's classification; the round's meetings, the code
     * lists, whether identity numbers are masked and how many days the device may keep the data. Streamed.
     * @param roundId the round
     * @param village the ids of the villages wanted (repeat the parameter for several)
     * @param acceptEncoding {@code gzip} to receive the package compressed
     * @param response the answer the package is written to
     */
    @GetMapping("/rounds/{roundId}/package")
    void download(@PathVariable long roundId, @RequestParam(name = "village", required = false) List<Long> village,
                  @RequestHeader(name = "Accept-Encoding", required = false) String acceptEncoding,
                  HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        var assigned = packages.check(roundId, village, user);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Vary", "Accept-Encoding");
        // a commune's package is some 3 KB of JSON per household, about a tenth of it gzipped (docs/benchmarks.md)
        if (acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            response.setHeader("Content-Encoding", "gzip");
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(response.getOutputStream(), 1 << 16, true)) {
                packages.write(assigned, village, user, LocaleContextHolder.getLocale(), gzip);
            }
        } else {
            packages.write(assigned, village, user, LocaleContextHolder.getLocale(), response.getOutputStream());
        }
    }

    /**
     * Applies the changes a device captured.
     * Each change is applied through the register's and the review's services and answered applied, rejected (with the
     * problems per field), conflict (the household changed on the server since the change's base version; kept for the
     * conflicts page) or duplicate (sent before). A household outside the caller's assignment answers 404 and nothing is
     * applied.
     * @param batch the device's id and its changes
     */
    @PostMapping("/changes")
    Map<String, Object> changes(@RequestBody FieldChange.Batch batch) {
        return Map.of("results", changes.apply(batch, CurrentUsers.require(), LocaleContextHolder.getLocale()));
    }

    /**
     * The assignment of villages of a round.
     * Each village of the round's commune with the users assigned to survey it, the helpers and officers who may be
     * assigned, and the assignment's version (the commune's officers and chair only).
     * @param roundId the round
     */
    @GetMapping("/rounds/{roundId}/assignments")
    FieldAssignments.RoundAssignment roundAssignment(@PathVariable long roundId) {
        return assignments.roundAssignment(roundId, CurrentUsers.require());
    }

    /**
     * Replaces the assignment of villages of a round.
     * Sets who surveys each village (village id → user ids; a village left out keeps nobody assigned) when the
     * assignment is still at the version read; a newer one answers 409. Audited.
     * @param roundId the round
     * @param request the villages with their users, and the version read
     */
    @PutMapping("/rounds/{roundId}/assignments")
    FieldAssignments.RoundAssignment assign(@PathVariable long roundId, @RequestBody AssignmentRequest request) {
        Map<Long, java.util.Set<Long>> villages = new java.util.LinkedHashMap<>();
        if (request.villages() != null) {
            request.villages().forEach((v, users) -> villages.put(v, users == null ? java.util.Set.of() : new java.util.LinkedHashSet<>(users)));
        }
        return assignments.assign(roundId, villages, request.version(), CurrentUsers.require());
    }

    /** A round's assignment to save: village id → the ids of the users who survey it, and the version read. */
    record AssignmentRequest(Map<Long, List<Long>> villages, Integer version) {
    }

    /**
     * The caller's open conflicts.
     * The changes of the caller that met a household changed by someone else and are not yet resolved.
     */
    @GetMapping("/conflicts")
    List<FieldConflicts.ConflictSummary> conflicts() {
        return conflicts.open(CurrentUsers.require());
    }

    /**
     * One conflict side by side.
     * The fields that differ between the caller's change and the household on the server now (and the base when the
     * device sent it), with the household's current version to resolve against.
     * @param changeId the change's id
     */
    @GetMapping("/conflicts/{changeId}")
    FieldConflicts.ConflictView conflict(@PathVariable UUID changeId) {
        return conflicts.view(changeId, CurrentUsers.require(), LocaleContextHolder.getLocale());
    }

    /**
     * Resolves a conflict.
     * Keeps the caller's values ({@code mine}), the server's ({@code theirs}) or, field by field, the side chosen for each
     * differing field ({@code choices}: field → mine|theirs), against the household version and the conflict version read;
     * applied through the register, audited.
     * @param changeId the change's id
     * @param request the resolution, the household's version and the conflict's version read
     */
    @PostMapping("/conflicts/{changeId}")
    FieldConflicts.ConflictView resolve(@PathVariable UUID changeId, @RequestBody FieldConflicts.Resolution request) {
        CurrentUser user = CurrentUsers.require();
        conflicts.resolve(changeId, request, user);
        return conflicts.view(changeId, user, LocaleContextHolder.getLocale());
    }
}
