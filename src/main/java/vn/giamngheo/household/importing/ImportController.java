package vn.giamngheo.household.importing;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
                  @RequestParam(defaultValue = "add") String mode,
                  @RequestParam(defaultValue = "false") boolean createVillages, Model model) throws IOException {
        CurrentUser user = CurrentUsers.requireEditor();
        ImportOptions.Mode chosen = ImportOptions.Mode.parse(mode).orElse(null);
        if (chosen == null) {
            model.addAttribute("unknownMode", mode);
            return form(model);
        }
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
            job = jobs.start(year, new ImportOptions(chosen, createVillages), households.getOriginalFilename(), households.getBytes(),
                    members.getOriginalFilename(), members.getBytes(), user);
        } catch (ImportJobs.TooManyJobsException e) {
            model.addAttribute("tooManyJobs", true);
            return form(model);
        }
        return "redirect:/imports/" + job.getId();
    }

    /** The job: its progress, then the preview (new, changed, unchanged, refused; each list paged), then the result. */
    @GetMapping("/{id}")
    String status(@PathVariable String id, @RequestParam(defaultValue = "1") int newPage,
                  @RequestParam(defaultValue = "1") int changedPage, @RequestParam(defaultValue = "1") int unchangedPage,
                  Model model) {
        preview(job(id), model, newPage, changedPage, unchangedPage);
        return "households/import-status";
    }

    /** The job, and its preview with one page of each list when it has one. */
    private static void preview(ImportJobs.Job job, Model model, int newPage, int changedPage, int unchangedPage) {
        model.addAttribute("job", job);
        ImportPlan plan = job.getPlan();
        boolean done = job.isDone();
        // what the page shows is decided once here: a job that ends while the page renders is shown by the next poll
        model.addAttribute("done", done && (plan != null || job.getResult() != null || job.getFailure() != null
                || job.isPlanTooLarge()));
        if (plan != null && done) {
            model.addAttribute("plan", plan); // the preview, as it is now (the job may move on meanwhile)
            model.addAttribute("added", Paged.of(plan.added(), newPage));
            model.addAttribute("changed", Paged.of(plan.changed(), changedPage));
            model.addAttribute("unchanged", Paged.of(plan.unchanged(), unchangedPage));
            model.addAttribute("pages", java.util.Map.of("newPage", newPage, "changedPage", changedPage,
                    "unchangedPage", unchangedPage));
        }
    }

    /** The progress bar, polled until the job is done; then the preview (first pages of its lists) or the result. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        preview(job(id), model, 1, 1, 1);
        return "households/import-status :: progress";
    }

    /** Stores the preview exactly as shown (the register is compared again first). */
    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable String id) {
        jobs.confirm(job(id), CurrentUsers.requireEditor());
        return "redirect:/imports/" + id;
    }

    /** Plans the same files again, creating the villages the communes do not have yet (listed in the preview). */
    @PostMapping("/{id}/villages")
    String createVillages(@PathVariable String id) {
        jobs.createVillages(job(id), CurrentUsers.requireEditor());
        return "redirect:/imports/" + id;
    }

    /** Drops the preview: nothing was stored. */
    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable String id) {
        jobs.cancel(id, CurrentUsers.requireEditor());
        return "redirect:/imports?cancelled";
    }

    private ImportJobs.Job job(String id) {
        return jobs.find(id, CurrentUsers.require()).orElseThrow(() -> new HouseholdNotFoundException(0));
    }

    /** One page of a preview's list. */
    record Paged<T>(List<T> items, int page, int pages, int total) {

        static final int SIZE = 50;

        static <T> Paged<T> of(List<T> all, int page) {
            int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
            int p = Math.min(Math.max(1, page), pages);
            return new Paged<>(all.subList((p - 1) * SIZE, Math.min(all.size(), p * SIZE)), p, pages, all.size());
        }
    }
}
