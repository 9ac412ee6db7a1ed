package vn.giamngheo.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.ApplicationContext;

/**
 * Tests only: the embedded database's superuser, for the rare test that must write the catalogue (statistics); empty
 * on an external database, where the tests hold no superuser (ADR 0009: the application's role is no superuser, and
 * neither is the owner).
 */
public final class Superuser {

    private Superuser() {
    }

    public static Optional<DataSource> of(ApplicationContext context) {
        return context.getBeanProvider(EmbeddedRoles.class).stream().findFirst().map(roles -> {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(EmbeddedRoles.url(context.getBean(EmbeddedPostgres.class).getPort()));
            ds.setUser(EmbeddedRoles.SUPERUSER);
            ds.setPassword(roles.superuserPassword());
            return ds;
        });
    }
}
