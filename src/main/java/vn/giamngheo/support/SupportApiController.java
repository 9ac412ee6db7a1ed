package vn.giamngheo.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the support policies: the catalogue and coverage of a unit inside the caller's area. */
@RestController
@RequestMapping("/api/v1/support")
class SupportApiController {

    private final PolicyCatalog catalog;
    private final CoverageService coverage;
    private final Clock clock;

    SupportApiController(PolicyCatalog catalog, CoverageService coverage, Clock clock) {
        this.catalog = catalog;
        this.coverage = coverage;
        this.clock = clock;
    }

    @GetMapping("/policies")
    List<SupportPolicy> policies() {
        CurrentUsers.require();
        return catalog.all();
    }

    /**
     * Entitled, received, gap and leakage per policy for a unit (province or commune id; empty = the caller's own
     * unit, the country for national users) on a date (from 1 January of its year) or in a year; names of the gap
     * and leakage only for the commune's own officers.
     */
    @GetMapping("/coverage")
    CoverageReport coverage(@RequestParam(required = false) Long unit, @RequestParam(required = false) String policy,
                            @RequestParam(required = false) String date, @RequestParam(required = false) String year) {
        return coverage.coverage(unit, policy, CoverageRequest.period(date, year, LocalDate.now(clock)),
                CurrentUsers.require().scope());
    }
}
