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

    /** Runs the what-if at once (for a large unit prefer the page, which runs it in the background). */
    @PostMapping("/what-if")
    WhatIfResult whatIf(@RequestBody WhatIfRequest request) {
        CurrentUser user = CurrentUsers.require();
        return whatIf.run(whatIf.plan(request, user), user, p -> { });
    }

    @GetMapping("/mpi")
    MpiReport mpi(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String standard,
                  @RequestParam(required = false) String k, @RequestParam(defaultValue = "household") String weighting,
                  @RequestParam(required = false) String subgroup) {
        return mpi.compute(unitId, standard, k, weighting, subgroup, CurrentUsers.require());
    }
}
