package vn.giamngheo.household.importing;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.security.CurrentUser;

/**
 * Imports started from the web page, run in the background so the page can show their progress. Bounded (issue
 * 17): a finished job keeps the counts of its problems (per file and column) and only the first
 * {@link #LISTED_PROBLEMS} of them; it is dropped {@code giamngheo.import.keep-minutes} (30) after it ended; a
 * user has at most {@code giamngheo.import.jobs-per-user} (5) jobs (starting one more drops their oldest finished
 * one, and is refused while that many are still running).
 */
@Component
class ImportJobs {

    /** How many problems a job keeps to list; the others are only counted. */
    static final int LISTED_PROBLEMS = 1_000;

    private final HouseholdImport importer;
    private final Clock clock;
    private final Duration keep;
    private final int perUser;
    private final int previewMaxHouseholds;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-jobs-sweeper");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ImportJobs(HouseholdImport importer, Clock clock,
               @Value("${giamngheo.import.keep-minutes:30}") long keepMinutes,
               @Value("${giamngheo.import.jobs-per-user:5}") int perUser,
               @Value("${giamngheo.import.preview-max-households:50000}") int previewMaxHouseholds) {
        this.previewMaxHouseholds = previewMaxHouseholds;
        this.importer = importer;
        this.clock = clock;
        this.keep = Duration.ofMinutes(keepMinutes);
        this.perUser = Math.max(1, perUser);
        sweeper.scheduleWithFixedDelay(this::dropExpired, 1, 1, TimeUnit.MINUTES);
    }

    /** Background runs stop with the application (a run cut short stored nothing: imports are one transaction). */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
        sweeper.shutdownNow();
    }

    /** A user already has as many running imports as allowed. */
    static final class TooManyJobsException extends RuntimeException {
        TooManyJobsException(int limit) {
            super(limit + " imports running");
        }
    }

    /** The problems of a finished import, counted (per file and column) and the first {@link #LISTED_PROBLEMS} listed. */
    record ProblemSummary(int errors, int warnings, Map<String, Integer> perColumn, List<ExchangeProblem> listed) {

        static ProblemSummary of(List<ExchangeProblem> problems) {
            int errors = 0;
            Map<String, Integer> perColumn = new TreeMap<>();
            for (ExchangeProblem p : problems) {
                if (p.isError()) {
                    errors++;
                }
                perColumn.merge(p.file() + " · " + (p.column() == null || p.column().isEmpty() ? "—" : p.column()), 1,
                        Integer::sum);
            }
            List<ExchangeProblem> listed = problems.subList(0, Math.min(LISTED_PROBLEMS, problems.size())).stream()
                    .map(ProblemSummary::withoutInternals).toList();
            return new ProblemSummary(errors, problems.size() - errors, perColumn, listed);
        }

        /**
         * The problem without what a library said about an unreadable file (POI, XMLBeans, the CSV parser: their
         * messages may name classes or the server's temporary files): its arguments become "—".
         */
        static ExchangeProblem withoutInternals(ExchangeProblem p) {
            boolean quotes = vn.giamngheo.system.ErrorBodySanitizer.quotesInternals(p.message())
                    || p.args().stream().anyMatch(a -> a instanceof String text
                            && vn.giamngheo.system.ErrorBodySanitizer.quotesInternals(text));
            if (!quotes && !ExchangeProblem.UNREADABLE_FILE.equals(p.code())) {
                return p;
            }
            return new ExchangeProblem(p.severity(), p.file(), p.line(), p.column(), p.value(), p.code(),
                    p.args().stream().map(a -> (Object) "—").toList(), "the file cannot be read");
        }

        int total() {
            return errors + warnings;
        }

        boolean truncated() {
            return listed.size() < total();
        }
    }

    /** The state of one import; {@code percent} 0–100, {@code result} set when finished. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final String householdsFile;
        final String membersFile;
        final Instant started;
        volatile int percent;
        volatile HouseholdImport.Result result;
        volatile ProblemSummary summary = ProblemSummary.of(List.of());
        volatile String failure;
        volatile Instant ended;
        /** The preview (what would be stored) until confirmed or dropped; null for a file too large to keep. */
        volatile ImportPlan plan;
        /** Set while the confirmed preview is being stored. */
        volatile boolean storing;
        /** Set when the preview was too large to keep for confirming ({@code giamngheo.import.preview-max-households}). */
        volatile boolean planTooLarge;

        Job(String owner, String householdsFile, String membersFile, Instant started) {
            this.owner = owner;
            this.householdsFile = householdsFile;
            this.membersFile = membersFile;
            this.started = started;
        }

        public String getId() { return id; }
        public int getPercent() { return percent; }
        public boolean isDone() { return ended != null; }
        public HouseholdImport.Result getResult() { return result; }
        public String getFailure() { return failure; }
        public String getHouseholdsFile() { return householdsFile; }
        public String getMembersFile() { return membersFile; }
        /** The first {@link #LISTED_PROBLEMS} problems. */
        public List<ExchangeProblem> getProblems() { return summary.listed(); }
        public ProblemSummary getSummary() { return summary; }
        public int getErrorCount() { return summary.errors(); }
        public int getProblemCount() { return summary.total(); }
        public boolean isTruncated() { return summary.truncated(); }
        public Map<String, Integer> getPerColumn() { return summary.perColumn(); }
        public ImportPlan getPlan() { return plan; }
        public boolean isPlanTooLarge() { return planTooLarge; }
        /** A preview waiting for the officer: confirm or cancel. */
        public boolean isPreview() { return plan != null && result == null && !storing && ended != null; }
        /** The preview refuses villages only: the officer may create them. */
        public boolean isVillagesRefused() {
            return plan != null && !plan.wouldStore() && !plan.options().createVillages()
                    && plan.errors().stream().anyMatch(p -> VillageValidator.UNKNOWN.equals(p.code()));
        }
    }

    Job start(int year, String householdsName, byte[] households, String membersName, byte[] members, CurrentUser user) {
        return start(year, ImportOptions.add(), householdsName, households, membersName, members, user);
    }

    /**
     * Starts the preview of a pair of files: parse, validate and compare in the background; nothing is stored
     * until {@link #confirm}. The preview is kept (at most {@code giamngheo.import.preview-max-households}
     * households, dropped with the job) so that confirming stores exactly what was shown.
     */
    Job start(int year, ImportOptions options, String householdsName, byte[] households, String membersName,
              byte[] members, CurrentUser user) {
        Job job = register(householdsName, membersName, user);
        run(job, user, () -> {
            ImportPlan plan = importer.plan(year, options, householdsName, new ByteArrayInputStream(households),
                    membersName, new ByteArrayInputStream(members), user, p -> job.percent = p);
            keep(job, plan);
        });
        return job;
    }

    /** Plans the job's files again with the new villages created (the preview's "create the new villages"). */
    boolean createVillages(Job job, CurrentUser user) {
        ImportPlan plan = job.plan;
        if (plan == null || !job.isPreview()) {
            return false;
        }
        job.ended = null;
        job.percent = 50;
        run(job, user, () -> keep(job, importer.replan(plan, plan.options().withCreateVillages(true), user)));
        return true;
    }

    /** Stores the job's preview, exactly as shown (or nothing if the register changed meanwhile). */
    boolean confirm(Job job, CurrentUser user) {
        ImportPlan plan;
        synchronized (job) {
            plan = job.plan;
            if (plan == null || !job.isPreview() || !plan.wouldStore()) {
                return false;
            }
            job.storing = true;
            job.ended = null;
            job.percent = 60;
        }
        run(job, user, () -> {
            try {
                HouseholdImport.Result result = importer.store(plan, user, p -> job.percent = p);
                job.summary = ProblemSummary.of(result.problems());
                job.result = new HouseholdImport.Result(result.stored(), result.households(), result.members(),
                        job.summary.listed());
                job.percent = 100;
            } finally {
                job.plan = null;
                job.storing = false;
            }
        });
        return true;
    }

    /** Drops a preview (nothing was stored); false when the job is running or unknown. */
    boolean cancel(String id, CurrentUser user) {
        Optional<Job> job = find(id, user).filter(Job::isDone);
        job.ifPresent(j -> jobs.remove(j.id));
        return job.isPresent();
    }

    /** Keeps a finished plan with the job: its problems counted and listed, the plan itself if small enough. */
    private void keep(Job job, ImportPlan plan) {
        job.summary = ProblemSummary.of(plan.problems());
        boolean small = plan.rows().size() <= previewMaxHouseholds && plan.errors().size() <= LISTED_PROBLEMS;
        job.planTooLarge = !small && plan.wouldStore();
        job.plan = small ? plan : null;
        if (!small && !plan.wouldStore()) {
            job.result = new HouseholdImport.Result(false, 0, 0, job.summary.listed());
        }
        job.percent = 100;
    }

    private Job register(String householdsName, String membersName, CurrentUser user) {
        dropExpired();
        Job job;
        synchronized (this) {
            List<Job> own = jobs.values().stream().filter(j -> j.owner.equals(user.getUsername()))
                    .sorted(Comparator.comparing((Job j) -> j.started)).toList();
            if (own.size() >= perUser) {
                List<Job> finished = new ArrayList<>(own.stream().filter(Job::isDone).toList());
                if (finished.isEmpty()) {
                    throw new TooManyJobsException(perUser);
                }
                for (int i = 0; i <= own.size() - perUser && i < finished.size(); i++) {
                    jobs.remove(finished.get(i).id);
                }
            }
            job = new Job(user.getUsername(), householdsName, membersName, clock.instant());
            jobs.put(job.id, job);
        }
        return job;
    }

    /** Runs a step of a job in the background as its user; the job ends (and may expire) when the step ends. */
    private void run(Job job, CurrentUser user, Runnable step) {
        executor.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
            try {
                step.run();
            } catch (RuntimeException e) {
                job.failure = e.getClass().getSimpleName().startsWith("AccessDenied") ? "access denied" : "internal error";
                job.plan = null;
                org.slf4j.LoggerFactory.getLogger(ImportJobs.class).warn("import {} failed", job.id, e);
            } finally {
                job.ended = clock.instant();
                SecurityContextHolder.clearContext();
            }
        });
    }

    /** A job of this user (other users' jobs are invisible). */
    Optional<Job> find(String id, CurrentUser user) {
        dropExpired();
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(user.getUsername()));
    }

    /** Drops the jobs that ended longer ago than they are kept. */
    void dropExpired() {
        Instant limit = clock.instant().minus(keep);
        jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(limit));
    }

    /** How many jobs are held (for tests and monitoring). */
    int size() {
        return jobs.size();
    }
}
