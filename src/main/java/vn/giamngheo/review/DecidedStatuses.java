package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.DecidedLists;
import vn.giamngheo.status.rules.PovertyStatus;

/** The decided status of households: the history of one household, and the status in force on a day. */
@Service
public class DecidedStatuses {

    private final HouseholdRegistry registry;
    private final DecidedLists lists;

    DecidedStatuses(HouseholdRegistry registry, DecidedLists lists) {
        this.registry = registry;
        this.lists = lists;
    }

    public List<DecidedStatus> history(long householdId, CurrentUser user) {
        Household h = registry.get(householdId, user);
        return lists.history(h.provinceCode(), h.id()).stream()
                .map(r -> new DecidedStatus(r.decisionId(), r.decisionNumber(), r.decidedOn(), r.effectiveFrom(),
                        r.listYear(), r.communeName(), code(r.status()), code(r.previousStatus()), r.certificateNo(),
                        r.standardCode(), r.revoked(), r.roundId()))
                .toList();
    }

    /** The status in force for a household on a day (none when it was never decided). */
    public Optional<String> statusOn(String provinceCode, long householdId, LocalDate day) {
        return lists.statusOn(provinceCode, householdId, day).map(PovertyStatus::code);
    }

    private static String code(PovertyStatus status) {
        return status == null ? null : status.code();
    }
}
