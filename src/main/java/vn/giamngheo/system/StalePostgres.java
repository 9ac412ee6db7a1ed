package vn.giamngheo.system;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL left running on a data folder by a process that was killed ({@code kill -9}, a crash):
 * its {@code postmaster.pid} names a live postgres, but no live JVM holds the folder's lock ({@code epg-lock},
 * which the embedded library holds while its owner runs and the system releases when the owner dies). Starting
 * another server on that folder used to wait silently for minutes; instead the leftover server is asked to stop
 * (SIGTERM: a smart shutdown, its clients are gone) and awaited, with messages saying so. A folder whose lock is
 * held (another command running on it) is refused at once with a message naming the process to stop.
 */
public final class StalePostgres {

    private static final Logger log = LoggerFactory.getLogger(StalePostgres.class);
    static final String LOCK_FILE = "epg-lock";

    private StalePostgres() {
    }

    /** Stops a PostgreSQL left behind on {@code pgData}; refuses a folder in use; nothing to do otherwise. */
    public static void stopIfLeftBehind(Path pgData, Duration wait) {
        Optional<ProcessHandle> postmaster = livePostmaster(pgData);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        if (!lockIsFree(pgData)) {
            throw new IllegalStateException("The data folder " + pgData + " is in use: another giamngheo process "
                    + "runs PostgreSQL " + pid + " on it. Stop that process first (or use another --giamngheo.data-dir).");
        }
        String message = "A PostgreSQL server (process " + pid + ") was left running on " + pgData
                + " by a process that ended without stopping it; stopping it now (up to " + wait.toSeconds() + " s).";
        log.warn(message);
        System.err.println(message);
        postmaster.get().destroy(); // SIGTERM
        try {
            postmaster.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server left running on " + pgData + " (process " + pid
                    + ") did not stop within " + wait.toSeconds() + " s. Stop it by hand: kill -INT " + pid
                    + " (or pg_ctl stop -D " + pgData + " -m fast), then start again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL " + pid);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot wait for PostgreSQL " + pid + " to stop", e);
        }
        log.warn("The PostgreSQL server left running on {} (process {}) stopped.", pgData, pid);
        System.err.println("stopped PostgreSQL process " + pid + "; starting the database again.");
    }

    /** The postgres named by the folder's {@code postmaster.pid}, if that process is alive and is a postgres. */
    static Optional<ProcessHandle> livePostmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            pid = Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postmaster"))
                        // a process whose command cannot be read (another user's): not ours to stop
                        .orElse(false));
    }

    /** Whether no process holds the folder's lock (tried and released at once). */
    static boolean lockIsFree(Path pgData) {
        Path lockFile = pgData.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false; // held by this very JVM
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lock of " + pgData, e);
        }
    }
}
