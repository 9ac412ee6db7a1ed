package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * Issue 17: import jobs are bounded — a job keeps the counts of its problems and only the first 1,000; it is
 * dropped 30 minutes after it ended; a user holds at most N jobs.
 */
class ImportJobsBoundsTest {

    static final class SettableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-02T03:00:00Z");

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** An importer that rejects the files with {@code problems} problems, after {@code gate} opens. */
    static final class FakeImport extends HouseholdImport {
        final int problems;
        final CountDownLatch gate;

        FakeImport(int problems, CountDownLatch gate) {
            super(null, null, null, null, null, null, null, null, null, null);
            this.problems = problems;
            this.gate = gate;
        }

        @Override
        public ImportPlan plan(int listYear, ImportOptions options, String householdsName, InputStream households,
                               String membersName, InputStream members, CurrentUser user, IntConsumer progress) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<ExchangeProblem> list = new ArrayList<>();
            for (int i = 0; i < problems; i++) {
                list.add(ExchangeProblem.error(i % 3 == 0 ? householdsName : membersName, i + 2,
                        i % 2 == 0 ? "id_number" : "birth_date", "x" + i, ExchangeProblem.INVALID_VALUE, "invalid"));
            }
            return ImportPlan.unreadable(listYear, options, householdsName, membersName, list);
        }
    }

    final SettableClock clock = new SettableClock();
    final List<ImportJobs> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ImportJobs::shutdown);
    }

    private ImportJobs jobs(HouseholdImport importer, int perUser) {
        ImportJobs jobs = new ImportJobs(importer, clock, 30, perUser, 50_000);
        started.add(jobs);
        return jobs;
    }

    private static CurrentUser user(String name) {
        return new CurrentUser(1, name, "x", name, Role.COMMUNE_OFFICER, vn.giamngheo.security.AccessScope.NATIONAL, null, true, null);
    }

    private static ImportJobs.Job finished(ImportJobs jobs, CurrentUser user) throws InterruptedException {
        ImportJobs.Job job = jobs.start(2026, "h.csv", new byte[0], "m.csv", new byte[0], user);
        for (int i = 0; i < 300 && !job.isDone(); i++) {
            Thread.sleep(20);
        }
        assertThat(job.isDone()).isTrue();
        return job;
    }

    @Test
    void aJobKeepsTheCountsAndTheFirstThousandProblems() throws Exception {
        CountDownLatch open = new CountDownLatch(0);
        ImportJobs jobs = jobs(new FakeImport(250_000, open), 5);
        ImportJobs.Job job = finished(jobs, user("xa"));
        assertThat(job.getProblems()).hasSize(ImportJobs.LISTED_PROBLEMS);
        assertThat(job.getResult().problems()).hasSize(ImportJobs.LISTED_PROBLEMS);
        assertThat(job.getProblemCount()).isEqualTo(250_000);
        assertThat(job.getErrorCount()).isEqualTo(250_000);
        assertThat(job.isTruncated()).isTrue();
        assertThat(job.getPerColumn().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(250_000);
        assertThat(job.getPerColumn()).containsKeys("h.csv · id_number", "m.csv · birth_date");
        assertThat(job.getProblems().get(0).line()).isEqualTo(2);
    }

    @Test
    void whatALibrarySaidAboutAnUnreadableFileIsNotShown() {
        ExchangeProblem poi = ExchangeProblem.error("h.xlsx", 1, "", "", ExchangeProblem.UNREADABLE_FILE,
                "the file cannot be read as XLSX: org.apache.poi.EmptyFileException: /tmp/upload_1.tmp",
                "org.apache.poi.EmptyFileException: /tmp/upload_1.tmp");
        ExchangeProblem plain = ExchangeProblem.error("m.csv", 3, "sex", "x", ExchangeProblem.INVALID_VALUE, "not one of", "x");
        ImportJobs.ProblemSummary summary = ImportJobs.ProblemSummary.of(List.of(poi, plain));
        assertThat(summary.listed().get(0).args()).containsExactly("—");
        assertThat(summary.listed().get(0).message()).doesNotContain("poi").doesNotContain("/tmp");
        assertThat(summary.listed().get(1)).isEqualTo(plain);
    }

    @Test
    void aFinishedJobIsDroppedThirtyMinutesAfterItEnded() throws Exception {
        ImportJobs jobs = jobs(new FakeImport(3, new CountDownLatch(0)), 5);
        CurrentUser xa = user("xa");
        ImportJobs.Job job = finished(jobs, xa);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(jobs.find(job.getId(), xa)).isPresent();
        assertThat(jobs.find(job.getId(), user("other"))).as("other users' jobs are invisible").isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(jobs.find(job.getId(), xa)).isEmpty();
        assertThat(jobs.size()).isZero();
    }

    @Test
    void aUserHoldsAtMostNJobs() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ImportJobs jobs = jobs(new FakeImport(1, gate), 2);
        CurrentUser xa = user("xa");
        gate.countDown();
        ImportJobs.Job first = finished(jobs, xa);
        clock.now = clock.now.plusSeconds(1);
        ImportJobs.Job second = finished(jobs, xa);
        clock.now = clock.now.plusSeconds(1);
        ImportJobs.Job third = finished(jobs, xa);
        assertThat(jobs.find(first.getId(), xa)).as("the oldest finished job made room").isEmpty();
        assertThat(jobs.find(second.getId(), xa)).isPresent();
        assertThat(jobs.find(third.getId(), xa)).isPresent();
        assertThat(jobs.size()).isEqualTo(2);
        // another user is not limited by xa's jobs
        assertThat(finished(jobs, user("xa2"))).isNotNull();

        // while N jobs are still running, one more is refused
        CountDownLatch closed = new CountDownLatch(1);
        ImportJobs running = jobs(new FakeImport(1, closed), 2);
        running.start(2026, "h.csv", new byte[0], "m.csv", new byte[0], xa);
        running.start(2026, "h.csv", new byte[0], "m.csv", new byte[0], xa);
        assertThatThrownBy(() -> running.start(2026, "h.csv", new byte[0], "m.csv", new byte[0], xa))
                .isInstanceOf(ImportJobs.TooManyJobsException.class);
        closed.countDown();
    }
}
