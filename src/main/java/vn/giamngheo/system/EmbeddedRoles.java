package vn.giamngheo.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The roles of the embedded database (ADR 0009), set up the same way as an external database by
 * docs/deployment.md: {@value #OWNER} owns the schema and every object and runs the migrations;
 * {@value #APPLICATION} is the pool's login role (no superuser, no ownership, only the grants of migration V35).
 *
 * <p>The three passwords (superuser {@code postgres}, owner, application) are generated per data folder and kept
 * in {@value #FILE} next to the database, readable by the user running the application only (never in git, never
 * logged). The server is started with its own {@code pg_hba.conf} ({@value #HBA}): password (SCRAM) logins only,
 * from this machine only. A new data folder, or one made by a version before V35 (trust logins, everything owned by
 * {@code postgres}), is started once with trust logins; the passwords are then set, every object of the schema is
 * handed to the owner, and the server is told to reload the password-only {@code pg_hba.conf}.
 */
final class EmbeddedRoles {

    static final String OWNER = "giamngheo_owner";
    static final String APPLICATION = "giamngheo_app";
    static final String SUPERUSER = "postgres";
    static final String FILE = "database-roles.properties";
    static final String HBA = "pg_hba.conf";

    private static final String TRUST = """
            # written by giamngheo (system.EmbeddedRoles): first start of this data folder, until the passwords are set
            host all all 127.0.0.1/32 trust
            host all all ::1/128 trust
            """;
    private static final String PASSWORDS = """
            # written by giamngheo (system.EmbeddedRoles): password logins from this machine only
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final Path dataDir;
    private final Properties values;

    private EmbeddedRoles(Path dataDir, Properties values) {
        this.dataDir = dataDir;
        this.values = values;
    }

    /** The roles of the data folder: read from {@value #FILE}, or generated (and written) when missing. */
    static EmbeddedRoles of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
            boolean changed = false;
            for (String key : new String[] {"superuser.password", "owner.password", "application.password"}) {
                if (p.getProperty(key, "").isBlank()) {
                    p.setProperty(key, newPassword());
                    changed = true;
                }
            }
            EmbeddedRoles roles = new EmbeddedRoles(dataDir, p);
            if (changed) {
                p.setProperty("passwords.set", "false");
                roles.save();
            }
            return roles;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void save() throws IOException {
        Path file = dataDir.resolve(FILE);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        ownerOnly(tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            values.store(out, "giamngheo: roles of the embedded database (ADR 0009); keep private, never share");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ownerOnly(file);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
    }

    Path dataDir() {
        return dataDir;
    }

    String superuserPassword() {
        return values.getProperty("superuser.password");
    }

    String ownerPassword() {
        return values.getProperty("owner.password");
    }

    String applicationPassword() {
        return values.getProperty("application.password");
    }

    /**
     * Writes the {@code pg_hba.conf} of the next start and says whether its logins need passwords: only when the
     * passwords were set on this very database (a new database, {@code fresh}, or a folder of an older version
     * starts once with trust logins).
     */
    boolean prepareStart(boolean fresh) {
        boolean passwords = !fresh && "true".equals(values.getProperty("passwords.set"));
        try {
            Files.writeString(hbaFile(), passwords ? PASSWORDS : TRUST);
            ownerOnly(hbaFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hbaFile(), e);
        }
        return passwords;
    }

    Path hbaFile() {
        return dataDir.resolve(HBA);
    }

    static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /**
     * As the superuser: both roles created (or their passwords brought in line with the file), the schema and every
     * object in it handed to the owner, the owner allowed what a restore needs; then password logins only.
     */
    void setUp(int port) {
        PGSimpleDataSource superuser = new PGSimpleDataSource();
        superuser.setURL(url(port));
        superuser.setUser(SUPERUSER);
        superuser.setPassword(superuserPassword());
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            role(s, OWNER, ownerPassword());
            role(s, APPLICATION, applicationPassword());
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(superuserPassword()));
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            // the one extension of the migrations (V1): creating it needs more than the owner has
            s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public");
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            // a restore loads with triggers off (DatabaseBackup); the import benchmark takes checkpoints
            s.execute("GRANT SET ON PARAMETER session_replication_role TO " + OWNER);
            s.execute("GRANT pg_checkpoint TO " + OWNER);
            s.execute(HAND_OVER);
            // from now on password logins only (a no-op when this start already required them)
            Files.writeString(hbaFile(), PASSWORDS);
            s.execute("SELECT pg_reload_conf()");
            if (!"true".equals(values.getProperty("passwords.set"))) {
                values.setProperty("passwords.set", "true");
                save();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the roles of the embedded database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hbaFile(), e);
        }
    }

    private static void role(Statement s, String name, String password) throws SQLException {
        String options = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD " + literal(password);
        try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
            s.execute((rs.next() ? "ALTER ROLE " : "CREATE ROLE ") + name + options);
        }
    }

    private static String literal(String password) {
        // generated passwords are URL-safe Base64; a hand-edited file must keep to that
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException(FILE + ": a password must be at least 16 letters, digits, '-' or '_'");
        }
        return "'" + password + "'";
    }

    /** Every table, view, sequence, function and type of the schema owned by someone else goes to the owner. */
    private static final String HAND_OVER = """
            DO $$
            DECLARE
                r record;
                owner oid := '%s'::regrole;
            BEGIN
                FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                            AND c.relowner <> owner LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %s',
                                   CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                                  WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
                END LOOP;
                FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
                          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner <> owner LOOP
                    EXECUTE format('ALTER SEQUENCE %%s OWNER TO %s', r.name);
                END LOOP;
                FOR r IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p
                          WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> owner
                            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                             AND d.objid = p.oid AND d.deptype = 'e') LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %s',
                                   CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.name);
                END LOOP;
                FOR r IN SELECT t.oid::regtype AS name FROM pg_type t
                          WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> owner AND t.typrelid = 0
                            AND t.typelem = 0
                            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                             AND d.objid = t.oid AND d.deptype = 'e') LOOP
                    EXECUTE format('ALTER TYPE %%s OWNER TO %s', r.name);
                END LOOP;
            END;
            $$""".formatted(OWNER, OWNER, OWNER, OWNER, OWNER);
}
