package vn.giamngheo.analysis;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the analyses; units only inside the caller's area; nothing is stored. */
@RestController
@RequestMapping("/api/v1/analysis")
class AnalysisApiController {

    private final WhatIfService whatIf;
    private final MpiService mpi;

    AnalysisApiController(WhatIfService whatIf, MpiService mpi) {
        this.whatIf = whatIf;
        this.mpi = mpi;
    }

    /**
     * Runs the what-if at once (for a large unit prefer the page, which runs it in the background).
     * @param request the unit, the current and candidate standards and the parameters changed
     */
    @PostMapping("/what-if")
    WhatIfResult whatIf(@RequestBody WhatIfRequest request) {
        CurrentUser user = CurrentUsers.require();
        return whatIf.run(whatIf.plan(request, user), user, p -> { });
    }

    /**
     * The multidimensional poverty index (Alkire–Foster) of a unit's households.
     * Headcount, intensity and MPI of the households classified under a standard, with each indicator's contribution and
     * the figures by subgroup; computed on the spot, nothing is stored.
     * @param unitId id of a unit of the caller's area (default: the caller's own)
     * @param standard the standard's code (default: the one scheduled for this year)
     * @param k the poverty cut-off as a share of the weighted indicators: 1/4, 0.25 or 25% (default: the standard's)
     * @param weighting household (default) or person
     * @param subgroup area, ethnic_minority or head_sex (default: all three)
     */
    @GetMapping("/mpi")
    MpiReport mpi(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String standard,
                  @RequestParam(required = false) String k, @RequestParam(defaultValue = "household") String weighting,
                  @RequestParam(required = false) String subgroup) {
        return mpi.compute(unitId, standard, k, weighting, subgroup, CurrentUsers.require());
    }
}
