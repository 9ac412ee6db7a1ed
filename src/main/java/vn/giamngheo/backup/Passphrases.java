package vn.giamngheo.backup;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import vn.giamngheo.system.cli.CommandArguments;

/**
 * The passphrase of an encrypted backup: from {@code --passphrase-file F} (its first line) or typed at the terminal
 * (twice for a backup), never from an argument (it would stay in the shell history and the process list).
 */
final class Passphrases {

    /** A backup's passphrase needs at least this many characters (PBKDF2 slows guessing, it cannot make "1234" safe). */
    static final int MIN_LENGTH = 12;

    private Passphrases() {
    }

    /** Reads the passphrase; {@code confirm}: ask twice at the terminal and check the length (for a new backup). */
    static char[] read(CommandArguments args, boolean confirm) {
        if (args.option("passphrase").isPresent()) {
            throw new BackupRefusedException("a passphrase is never given as an argument: use --passphrase-file F or type it at the terminal");
        }
        char[] passphrase;
        if (args.option("passphrase-file").isPresent()) {
            Path file = Path.of(args.option("passphrase-file").get());
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int end = content.indexOf('\n');
                String line = end < 0 ? content : content.substring(0, end);
                passphrase = (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
            } catch (IOException e) {
                throw new BackupRefusedException("cannot read the passphrase file " + file + ": " + e.getMessage(), e);
            }
        } else {
            Console console = System.console();
            if (console == null || !isTerminal(console)) {
                throw new BackupRefusedException("no terminal to type the passphrase at: give --passphrase-file F");
            }
            passphrase = console.readPassword("Backup passphrase: ");
            if (passphrase == null) {
                throw new BackupRefusedException("no passphrase typed");
            }
            if (confirm) {
                char[] again = console.readPassword("Same passphrase again: ");
                boolean same = Arrays.equals(passphrase, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    Arrays.fill(passphrase, '\0');
                    throw new BackupRefusedException("the two passphrases differ");
                }
            }
        }
        if (passphrase.length == 0) {
            throw new BackupRefusedException("the passphrase is empty");
        }
        if (confirm && passphrase.length < MIN_LENGTH) {
            Arrays.fill(passphrase, '\0');
            throw new BackupRefusedException("a backup passphrase needs at least " + MIN_LENGTH + " characters");
        }
        return passphrase;
    }

    /** {@code Console.isTerminal()} (Java 22+, where a console exists even without a terminal); true before it. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
