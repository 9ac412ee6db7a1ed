package vn.giamngheo.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.giamngheo.system.cli.CommandArguments;
import vn.giamngheo.system.cli.DatabaseCommand;

/**
 * {@code restore --in FILE [--passphrase-file F]}: decrypts and authenticates an encrypted backup (a file that fails, or
 * an unencrypted one, is refused), then loads it into an empty database of the same schema version (a new data
 * folder: the application's migrations run when the command starts), all or nothing. Exit status 0 when
 * restored, 2 when refused (damaged file, other schema version, database not empty; nothing written), 1 on a
 * database error (rolled back). Stop the application that uses the data folder first. Runs as the owner role
 * (ADR 0009): the data folder's on the embedded database, {@code spring.flyway.user}/{@code password} on an external one.
 */
@Component
class RestoreCommand implements DatabaseCommand {

    private final DatabaseBackup backup;

    RestoreCommand(DatabaseBackup backup) {
        this.backup = backup;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String usage() {
        return "restore --in FILE [--passphrase-file F]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments a = CommandArguments.parse(args);
        Path file = Path.of(a.required("in"));
        char[] passphrase = null;
        try {
            passphrase = Passphrases.read(a, false);
            DatabaseBackup.RestoreResult result = backup.restoreEncrypted(file, passphrase);
            BackupManifest m = result.manifest();
            out.println("restored: " + m.tables().size() + " tables, " + m.totalRows() + " rows, " + result.sequences()
                    + " sequences (backup of " + m.createdAt() + ", schema version " + m.flywayVersion() + ")");
            return 0;
        } catch (BackupRefusedException e) {
            err.println("error: restore refused, nothing was written: " + e.getMessage());
            return 2;
        } catch (IOException | SQLException e) {
            err.println("error: restore failed and was rolled back, nothing was written: " + e.getMessage());
            if (e instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                err.println("  a restore runs as the owner of the schema: on an external database give its role with"
                        + " --spring.flyway.user and --spring.flyway.password (docs/deployment.md, \"Database roles\")");
            }
            return 1;
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }
}
