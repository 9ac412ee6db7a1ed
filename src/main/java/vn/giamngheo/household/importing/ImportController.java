package vn.giamngheo.household.importing;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.household.Communes;
import vn.giamngheo.household.HouseholdClassifier;
import vn.giamngheo.household.HouseholdNotFoundException;

/** Upload of household files with a progress bar and the complete list of problems. */
@Controller
@RequestMapping("/imports")
class ImportController {

    private final ImportJobs jobs;
    private final Clock clock;
    private final Communes communes;
    private final long maxFileBytes;

    ImportController(ImportJobs jobs, Clock clock, Communes communes,
                     @org.springframework.beans.factory.annotation.Value("${giamngheo.import.max-file-mb:64}") long maxFileMb) {
        this.jobs = jobs;
        this.clock = clock;
        this.communes = communes;
        this.maxFileBytes = maxFileMb * 1024 * 1024;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("year", HouseholdClassifier.reviewListYear(LocalDate.now(clock)));
        model.addAttribute("communes", communes.communesInScope(CurrentUsers.require().scope(), LocalDate.now(clock)));
        return "households/import";
    }

    @PostMapping
    String upload(@RequestParam int year, @RequestParam MultipartFile households, @RequestParam MultipartFile members,
                  Model model) throws IOException {
        CurrentUser user = CurrentUsers.requireEditor();
        if (households.isEmpty() || members.isEmpty()) {
            model.addAttribute("missingFiles", true);
            return form(model);
        }
        // refused before anything is read (docs/exchange-format.md, limits): larger files go to `import --bulk`
        if (households.getSize() > maxFileBytes || members.getSize() > maxFileBytes) {
            model.addAttribute("tooLarge", maxFileBytes / (1024 * 1024));
            return form(model);
        }
        ImportJobs.Job job;
        try {
            job = jobs.start(year, households.getOriginalFilename(), households.getBytes(),
                    members.getOriginalFilename(), members.getBytes(), user);
        } catch (ImportJobs.TooManyJobsException e) {
            model.addAttribute("tooManyJobs", true);
            return form(model);
        }
        return "redirect:/imports/" + job.getId();
    }

    @GetMapping("/{id}")
    String status(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.find(id, CurrentUsers.require()).orElseThrow(() -> new HouseholdNotFoundException(0)));
        return "households/import-status";
    }

    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.find(id, CurrentUsers.require()).orElseThrow(() -> new HouseholdNotFoundException(0)));
        return "households/import-status :: progress";
    }
}
