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
 * {@code backup --out FILE [--passphrase-file F]}: a consistent snapshot of the whole database into one file, encrypted
 * with a passphrase typed at the terminal or read from F ({@link BackupEncryption}, never an argument). Exit status 0
 * when written, 2 when refused, 1 on a database or file error. The embedded database serves one process at
 * a time: stop the application first, or point the command at the running server with
 * {@code --spring.datasource.url=…}.
 */
@Component
class BackupCommand implements DatabaseCommand {

    private final DatabaseBackup backup;

    BackupCommand(DatabaseBackup backup) {
        this.backup = backup;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String usage() {
        return "backup --out FILE [--passphrase-file F]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments a = CommandArguments.parse(args);
        Path file = Path.of(a.required("out"));
        char[] passphrase = null;
        try {
            passphrase = Passphrases.read(a, true);
            DatabaseBackup.BackupResult result = backup.backupEncrypted(file, passphrase);
            out.println("backup written: " + result.file() + " (schema version " + result.manifest().flywayVersion() + ", "
                    + result.manifest().tables().size() + " tables, " + result.manifest().totalRows() + " rows)");
            return 0;
        } catch (BackupRefusedException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | SQLException e) {
            err.println("error: backup failed, no file written: " + e.getMessage());
            return 1;
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }
}
