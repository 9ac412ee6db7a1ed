package vn.giamngheo.analysis;

import vn.giamngheo.geography.UnitOutsideAreaException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Pages of the analyses: what-if (background run with a progress bar, XLSX export) and Alkire–Foster figures. */
@Controller
@RequestMapping("/analysis")
class AnalysisController {

    static final String WHAT_IF = "analysis/what-if";
    static final String WHAT_IF_JOB = "analysis/what-if-job";
    static final String MPI = "analysis/mpi";

    private final WhatIfService whatIf;
    private final WhatIfJobs jobs;
    private final MpiService mpi;
    private final AreaHouseholds areas;
    private final StandardSource standards;

    AnalysisController(WhatIfService whatIf, WhatIfJobs jobs, MpiService mpi, AreaHouseholds areas,
                       StandardSource standards) {
        this.whatIf = whatIf;
        this.jobs = jobs;
        this.mpi = mpi;
        this.areas = areas;
        this.standards = standards;
    }

    @GetMapping("/what-if")
    String whatIfForm(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String currentStandard,
                      @RequestParam(required = false) String candidateStandard,
                      @RequestParam(defaultValue = "") String parameters, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("choices", areas.choices(user));
        model.addAttribute("standards", standards.codes());
        model.addAttribute("defaultStandard", standards.current().code());
        model.addAttribute("unitId", unitId);
        model.addAttribute("currentStandard", currentStandard == null ? standards.current().code() : currentStandard);
        model.addAttribute("candidateStandard", candidateStandard);
        model.addAttribute("parameters", parameters);
        return WHAT_IF;
    }

    @PostMapping("/what-if")
    String startWhatIf(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String currentStandard,
                       @RequestParam(required = false) String candidateStandard,
                       @RequestParam(defaultValue = "") String parameters, Model model) {
        CurrentUser user = CurrentUsers.require();
        WhatIfPlan plan;
        try {
            plan = whatIf.plan(new WhatIfRequest(unitId, currentStandard, candidateStandard,
                    WhatIfRequest.parseParameters(List.of(parameters))), user);
        } catch (InvalidAnalysisException e) {
            model.addAttribute("problem", e.getMessage());
            return whatIfForm(unitId, currentStandard, candidateStandard, parameters, model);
        }
        return "redirect:/analysis/what-if/jobs/" + jobs.start(plan, user).getId();
    }

    @GetMapping("/what-if/jobs/{id}")
    String whatIfJob(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return WHAT_IF_JOB;
    }

    @GetMapping("/what-if/jobs/{id}/progress")
    String whatIfProgress(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return WHAT_IF_JOB + " :: progress";
    }

    /**
     * The changed households as XLSX: of a finished run ({@code job}), or computed now from the same parameters
     * as the form ({@code param} repeated as {@code name=value}).
     */
    @GetMapping("/what-if.xlsx")
    void whatIfXlsx(@RequestParam(required = false) String job, @RequestParam(required = false) Long unitId,
                    @RequestParam(required = false) String currentStandard,
                    @RequestParam(required = false) String candidateStandard,
                    @RequestParam(name = "param", required = false) List<String> params,
                    HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        WhatIfResult result;
        if (job != null && !job.isBlank()) {
            WhatIfJobs.Job found = job(job);
            if (found.getResult() == null) {
                throw new InvalidAnalysisException("the what-if run has not finished");
            }
            result = found.getResult();
        } else {
            result = whatIf.run(whatIf.plan(new WhatIfRequest(unitId, currentStandard, candidateStandard,
                    WhatIfRequest.parseParameters(params == null ? List.of() : params)), user), user, p -> { });
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"phuong-an-chuan-ngheo-"
                + result.unitCode() + ".xlsx\"");
        WhatIfWorkbook.write(result, response.getOutputStream());
    }

    @GetMapping("/mpi")
    String mpi(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String standard,
               @RequestParam(required = false) String k, @RequestParam(defaultValue = "household") String weighting,
               @RequestParam(required = false) String subgroup, @RequestParam(defaultValue = "false") boolean run,
               Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("choices", areas.choices(user));
        model.addAttribute("standards", standards.codes());
        model.addAttribute("unitId", unitId);
        model.addAttribute("standard", standard == null || standard.isBlank() ? standards.current().code() : standard);
        model.addAttribute("k", k);
        model.addAttribute("weighting", weighting);
        model.addAttribute("subgroup", subgroup);
        model.addAttribute("subgroups", MpiService.SUBGROUPS);
        if (run || unitId != null) {
            try {
                model.addAttribute("report", mpi.compute(unitId, standard, k, weighting, subgroup, user));
            } catch (InvalidAnalysisException e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return MPI;
    }

    private WhatIfJobs.Job job(String id) {
        return jobs.find(id, CurrentUsers.require()).orElseThrow(() -> new UnitOutsideAreaException(Map.of("job", id)));
    }
}
