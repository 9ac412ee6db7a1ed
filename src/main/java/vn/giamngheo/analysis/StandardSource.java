package vn.giamngheo.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.giamngheo.classification.PovertyStandard;
import vn.giamngheo.classification.StandardCatalog;
import vn.giamngheo.classification.StandardSchedule;

/**
 * Where the analyses take their standards from: today the national catalogue and schedule shipped with the
 * application; the one place to switch to the database-backed registry of standards.
 */
@Component
class StandardSource {

    private final StandardCatalog catalog = StandardCatalog.national();
    private final StandardSchedule schedule = StandardSchedule.national();
    private final Clock clock;

    StandardSource(Clock clock) {
        this.clock = clock;
    }

    Optional<PovertyStandard> standard(String code) {
        return catalog.standard(code);
    }

    List<String> codes() {
        return catalog.codes().stream().sorted().toList();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The standard of the lists being reviewed now: a review from 1 September decides the next year's lists
     * (the same rule as the household classifier's {@code reviewListYear}).
     */
    PovertyStandard current() {
        LocalDate today = today();
        int listYear = StandardSchedule.reviewListYear(today);
        String code = schedule.standardFor(listYear)
                .orElseThrow(() -> new IllegalStateException("no standard configured for the lists of " + listYear));
        return catalog.standard(code).orElseThrow(() -> new IllegalStateException("unknown standard " + code));
    }
}
