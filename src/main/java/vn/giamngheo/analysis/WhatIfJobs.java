package vn.giamngheo.analysis;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.giamngheo.security.CurrentUser;

/**
 * What-if runs started from the web page, in the background so the page can poll their progress. Results are
 * kept in memory for a few hours (only counts and at most {@link WhatIfTally#ROW_CAP} rows each), never stored.
 */
@Component
class WhatIfJobs {

    private static final Duration KEEP = Duration.ofHours(4);

    private final WhatIfService service;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    /** Background runs stop with the application (a run cut short stored nothing: imports are one transaction). */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    WhatIfJobs(WhatIfService service) {
        this.service = service;
    }

    /** One run; {@code percent} 0–100; {@code result} or {@code failure} set when finished. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final WhatIfPlan plan;
        final Instant started = Instant.now();
        volatile int percent;
        volatile WhatIfResult result;
        volatile String failure;

        Job(String owner, WhatIfPlan plan) {
            this.owner = owner;
            this.plan = plan;
        }

        public String getId() { return id; }
        public int getPercent() { return percent; }
        public boolean isDone() { return result != null || failure != null; }
        public WhatIfResult getResult() { return result; }
        public String getFailure() { return failure; }
        public String getUnitName() { return plan.area().name(); }
        public String getCurrent() { return plan.current().code(); }
        public String getCandidate() { return plan.candidateLabel(); }
    }

    Job start(WhatIfPlan plan, CurrentUser user) {
        Instant cutoff = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.isDone() && j.started.isBefore(cutoff));
        Job job = new Job(user.getUsername(), plan);
        jobs.put(job.id, job);
        executor.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
            try {
                job.result = service.run(plan, user, p -> job.percent = p);
                job.percent = 100;
            } catch (RuntimeException e) {
                job.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job;
    }

    /** A run of this user (other users' runs are invisible). */
    Optional<Job> find(String id, CurrentUser user) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(user.getUsername()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
