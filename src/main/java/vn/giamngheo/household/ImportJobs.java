package vn.giamngheo.household;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.security.CurrentUser;

/** Imports started from the web page, run in the background so the page can show their progress. */
@Component
class ImportJobs {

    private final HouseholdImport importer;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    /** Background runs stop with the application (a run cut short stored nothing: imports are one transaction). */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ImportJobs(HouseholdImport importer) {
        this.importer = importer;
    }

    /** The state of one import; {@code percent} 0–100, {@code result} set when finished. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final String householdsFile;
        final String membersFile;
        volatile int percent;
        volatile HouseholdImport.Result result;
        volatile String failure;

        Job(String owner, String householdsFile, String membersFile) {
            this.owner = owner;
            this.householdsFile = householdsFile;
            this.membersFile = membersFile;
        }

        public String getId() { return id; }
        public int getPercent() { return percent; }
        public boolean isDone() { return result != null || failure != null; }
        public HouseholdImport.Result getResult() { return result; }
        public String getFailure() { return failure; }
        public String getHouseholdsFile() { return householdsFile; }
        public String getMembersFile() { return membersFile; }
        public List<ExchangeProblem> getProblems() { return result == null ? List.of() : result.problems(); }
    }

    Job start(int year, String householdsName, byte[] households, String membersName, byte[] members, CurrentUser user) {
        Job job = new Job(user.getUsername(), householdsName, membersName);
        jobs.put(job.id, job);
        executor.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
            try {
                job.result = importer.importFiles(year, householdsName, new ByteArrayInputStream(households), membersName,
                        new ByteArrayInputStream(members), user, p -> job.percent = p);
                job.percent = 100;
            } catch (RuntimeException e) {
                job.failure = e.getMessage();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job;
    }

    /** A job of this user (other users' jobs are invisible). */
    Optional<Job> find(String id, CurrentUser user) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(user.getUsername()));
    }
}
