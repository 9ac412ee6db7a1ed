package vn.giamngheo.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.giamngheo.system.TableStatistics;
import vn.giamngheo.household.Household;
import vn.giamngheo.security.CurrentUser;

/**
 * Collection of a whole round in the background, with its progress, so that a commune of 10,000 households is
 * collected without holding the page (or the round) for minutes.
 *
 * <p>Resumable per batch, not all-or-nothing: each batch of {@link #BATCH} households is collected in its own
 * transaction (the round locked and checked to be still collecting). Collecting a household is independent of the
 * others and taking its snapshot again is harmless, so a run cut short (the application stopped, a household that
 * left the commune) keeps the batches already stored, and the next run of "collect those not yet collected" goes on
 * from there. The round cannot move to the village meetings until every household is collected, so a partial run
 * never lets a half-collected round through; and no transaction holds the round locked for the whole run.
 *
 * <p>Jobs live in memory only: at most {@link #MAX_JOBS}, at most one running per round, and a finished job is
 * dropped {@link #KEEP} after it ended.
 */
@Component
class CollectionJobs {

    static final int BATCH = 200;
    static final int MAX_JOBS = 100;
    static final Duration KEEP = Duration.ofMinutes(30);

    private final RoundHouseholds households;
    private final RefusalMessages refusals;
    private final Clock clock;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "review-collection");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** Households per transaction ({@link #BATCH}; tests make it smaller to see several batches). */
    volatile int batchSize = BATCH;

    private final TableStatistics statistics;

    CollectionJobs(RoundHouseholds households, RefusalMessages refusals, Clock clock, TableStatistics statistics) {
        this.households = households;
        this.statistics = statistics;
        this.refusals = refusals;
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    /** One collection: how many households it has to collect, how many are done, and how it ended. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final long roundId;
        final String owner;
        final int total;
        volatile int done;
        volatile int classified;
        volatile boolean finished;
        volatile List<String> problems = List.of();
        volatile Instant endedAt;
        final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        Job(long roundId, String owner, int total) {
            this.roundId = roundId;
            this.owner = owner;
            this.total = total;
        }

        public String getId() { return id; }
        public long getRoundId() { return roundId; }
        public int getTotal() { return total; }
        public int getDone() { return done; }
        /** Of those done, how many were classified (the others lack a fact and still block the round). */
        public int getClassified() { return classified; }
        public boolean isFinished() { return finished; }
        public List<String> getProblems() { return problems; }
        public int getPercent() { return total == 0 ? 100 : (int) (100L * done / total); }

        /** Waits up to {@code wait} for the job to end; whether it has. */
        boolean await(Duration wait) {
            try {
                return ended.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return finished;
            }
        }
    }

    /**
     * Starts collecting the round's households not yet collected (or all of them again). A round already being
     * collected gets its running job back. The checks of the single collection apply at once (refused: nothing
     * started).
     */
    Job start(long roundId, boolean again, CurrentUser user, Locale locale) {
        drop();
        synchronized (this) {
            // the round's checks first: a round no longer collecting refuses even while a job of it is ending
            List<Long> wanted = households.toCollect(roundId, again, user);
            Optional<Job> running = jobs.values().stream().filter(j -> j.roundId == roundId && !j.finished).findFirst();
            if (running.isPresent()) {
                return running.get();
            }
            if (jobs.size() >= MAX_JOBS) {
                throw new ReviewRefusedException("review.refused.tooManyJobs");
            }
            Job job = new Job(roundId, user.getUsername(), wanted.size());
            jobs.put(job.id, job);
            executor.submit(() -> run(job, new HashSet<>(wanted), user, locale));
            return job;
        }
    }

    /** A job of this user (others' jobs are invisible), while it is kept. */
    Optional<Job> find(String id, long roundId, CurrentUser user) {
        drop();
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(user.getUsername()) && j.roundId == roundId);
    }

    private void run(Job job, Set<Long> wanted, CurrentUser user, Locale locale) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            // the registry reads the commune in its own read-only transaction; the batches are stored after it, each
            // in a transaction of its own
            List<Household> chosen = new ArrayList<>(wanted.size());
            if (!wanted.isEmpty()) {
                households.forEachInCommune(job.roundId, user, h -> {
                    if (wanted.contains(h.id())) {
                        chosen.add(h);
                    }
                });
            }
            int size = batchSize;
            while (!chosen.isEmpty()) {
                List<Household> batch = chosen.subList(0, Math.min(chosen.size(), size));
                job.classified += households.collectBatch(job.roundId, List.copyOf(batch), user);
                job.done = Math.min(job.total, job.done + batch.size());
                batch.clear(); // the stored households are let go as the run goes on
            }
            // the round's collected rows analysed before the job reports its end and its pages are opened (V70);
            // a job that stored nothing has nothing to analyse
            if (job.done > 0) {
                statistics.refresh();
            }
        } catch (ReviewRefusedException e) {
            job.problems = refusals.of(e, locale);
        } catch (RuntimeException e) {
            job.problems = List.of(String.valueOf(e.getMessage()));
        } finally {
            job.finished = true;
            job.endedAt = clock.instant();
            job.ended.countDown();
            SecurityContextHolder.clearContext();
        }
    }

    /** Forgets the jobs that ended more than {@link #KEEP} ago. */
    private void drop() {
        Instant limit = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.finished && j.endedAt != null && j.endedAt.isBefore(limit));
    }
}
