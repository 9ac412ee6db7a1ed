package vn.giamngheo.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardSchedule;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.standard.StandardRegistry;

/** Where the analyses take their standards from: the database-backed registry of standards. */
@Component
class StandardSource {

    private final StandardRegistry registry;
    private final Clock clock;

    StandardSource(StandardRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    Optional<PovertyStandard> standard(String code) {
        return registry.standard(code);
    }

    List<String> codes() {
        return registry.catalog().codes().stream().sorted().toList();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The standard of the lists being reviewed now, for the user's province when it has its own standard
     * (a review from 1 September decides the next year's lists).
     */
    PovertyStandard current() {
        String province = CurrentUsers.current().map(u -> u.scope().provinceCode()).orElse(null);
        return registry.standardForList(StandardSchedule.reviewListYear(today()), province);
    }
}
