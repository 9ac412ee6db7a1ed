package vn.giamngheo.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** For {@link StalePostgresTest}: a JVM that starts an embedded PostgreSQL on a folder, says so and waits to be killed. */
public final class StalePostgresChild {

    private StalePostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).start();
        System.out.println("up " + postgres.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
