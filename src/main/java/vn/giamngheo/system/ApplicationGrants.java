package vn.giamngheo.system;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After every migration, on Flyway's connection (the owner), gives the application's role exactly its grants
 * ({@code grant_application_privileges}, migration V35, ADR 0009): the tables of later migrations are granted
 * too, append-only tables get SELECT and INSERT only. Nothing is granted when one role is both owner and
 * application (an external database configured without {@code spring.flyway.user}): that is logged.
 */
@Component
class ApplicationGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ApplicationGrants.class);

    private final DatabaseOwner owner;

    ApplicationGrants(DatabaseOwner owner) {
        this.owner = owner;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            var c = context.getConnection();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT to_regprocedure('public.grant_application_privileges(name)') IS NOT NULL, current_user")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return; // migrated to a version before V35 (flyway.target)
                }
                if (!owner.separateFromApplication() || owner.applicationRole().equals(rs.getString(2))) {
                    log.warn("the application connects as the role that owns the database ({}): it could change or delete"
                            + " the audit log; give it its own role (docs/deployment.md, ADR 0009)", rs.getString(2));
                    return;
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT grant_application_privileges(?)")) {
                p.setString(1, owner.applicationRole());
                p.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the application's role its privileges: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "giamngheo application grants";
    }
}
