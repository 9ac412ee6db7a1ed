package vn.giamngheo.credit;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import vn.giamngheo.security.CurrentUser;

/**
 * Loan imports started from the page, run in the background so that the page shows a progress bar for big files:
 * first the dry run (the preview), then, when the officer confirms, the import of the same bytes. A job belongs to
 * the user who started it and is dropped an hour after it was last used; a user keeps at most three.
 */
@Component
class LoanImportJobs {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoanImportJobs.class);

    private static final Duration KEEP = Duration.ofHours(1);
    private static final int PER_USER = 3;

    private final LoanImport importer;
    private final Clock clock;
    private final ExecutorService executor = Executors.newFixedThreadPool(1, r -> {
        Thread t = new Thread(r, "loan-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    LoanImportJobs(LoanImport importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    /** One upload: its bytes, the run in progress ({@code percent}) and the last result. */
    static final class Job {
        private final String id = UUID.randomUUID().toString();
        private final String username;
        private final String file;
        private final byte[] bytes;
        private volatile int percent;
        private volatile boolean running;
        private volatile LoanImport.Mode mode;
        private volatile LoanImport.Result result;
        private volatile String failure;
        private volatile Instant touched;

        Job(String username, String file, byte[] bytes, Instant now) {
            this.username = username;
            this.file = file;
            this.bytes = bytes;
            this.touched = now;
        }

        public String getId() {
            return id;
        }

        public String getFile() {
            return file;
        }

        public int getPercent() {
            return percent;
        }

        public boolean isRunning() {
            return running;
        }

        public LoanImport.Mode getMode() {
            return mode;
        }

        public LoanImport.Result getResult() {
            return result;
        }

        public String getFailure() {
            return failure;
        }
    }

    /** Starts the dry run of an uploaded file. */
    Job start(String file, byte[] bytes, CurrentUser user) {
        Loans.requireEditor(user);
        dropOld(user);
        Job job = new Job(user.getUsername(), file, bytes, clock.instant());
        jobs.put(job.id, job);
        run(job, LoanImport.Mode.DRY_RUN, user);
        return job;
    }

    /** Runs the import of a previewed file: every line matched ({@code ALL}) or the matched lines only. */
    void confirm(Job job, LoanImport.Mode mode, CurrentUser user) {
        Loans.requireEditor(user);
        if (job.running || job.result == null || job.mode != LoanImport.Mode.DRY_RUN || !job.result.accepted()) {
            throw new InvalidCreditException("job", "credit.import.not-ready");
        }
        run(job, mode, user);
    }

    Optional<Job> find(String id, CurrentUser user) {
        Job job = jobs.get(id);
        if (job == null || !job.username.equals(user.getUsername())) {
            return Optional.empty();
        }
        job.touched = clock.instant();
        return Optional.of(job);
    }

    private void run(Job job, LoanImport.Mode mode, CurrentUser user) {
        job.running = true;
        job.percent = 0;
        job.mode = mode;
        job.failure = null;
        executor.submit(() -> {
            try {
                job.result = importer.importFile(job.file, new ByteArrayInputStream(job.bytes), mode, user, p -> job.percent = p);
            } catch (RuntimeException e) {
                LOG.warn("loan import job {} of {} ({}) failed", job.id, job.username, mode, e);
                job.failure = e.getClass().getSimpleName();
            } finally {
                job.percent = 100;
                job.running = false;
            }
        });
    }

    private void dropOld(CurrentUser user) {
        Instant limit = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> !j.running && j.touched.isBefore(limit));
        var mine = jobs.values().stream().filter(j -> j.username.equals(user.getUsername()) && !j.running)
                .sorted(java.util.Comparator.comparing(j -> j.touched)).toList();
        for (int i = 0; i + PER_USER - 1 < mine.size(); i++) {
            jobs.remove(mine.get(i).id);
        }
    }
}
