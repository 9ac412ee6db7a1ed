package vn.giamngheo.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.system.cli.CommandArguments;
import vn.giamngheo.system.cli.DatabaseCommand;

/**
 * {@code create-admin --username NAME [--full-name "…"]}: creates an administrator (the first one of a new instance, or
 * one more). The password is never an argument: read twice from the console when there is one, otherwise as two lines
 * on standard input (the password, then the same again). Refused (exit 2, nothing written) when the two differ, the
 * password breaks the {@link PasswordPolicy}, the user name is not valid or is taken. Audited: the account's row is
 * written under the actor {@value #ACTOR}. Exit 0 when created, 1 on a database error.
 */
@Component
class CreateAdminCommand implements DatabaseCommand {

    static final String ACTOR = "command-line:create-admin";

    /** Two entries of a password: what was typed, and the same again. */
    interface PasswordInput {
        char[][] read(PrintStream prompt) throws IOException;
    }

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CreateAdminCommand(UserAccounts accounts, PasswordPolicy policy, JdbcClient jdbc, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.policy = policy;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "create-admin";
    }

    @Override
    public String usage() {
        return "create-admin --username NAME [--full-name \"…\"]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, CreateAdminCommand::readFromConsoleOrStdin);
    }

    int run(List<String> args, PrintStream out, PrintStream err, PasswordInput input) {
        CommandArguments a = CommandArguments.parse(args);
        if (a.option("password").isPresent()) {
            err.println("error: a password is never given as an argument (it would stay in the shell history and the process list); "
                    + "it is read from the console or from standard input");
            return 2;
        }
        String username = a.required("username").strip().toLowerCase(java.util.Locale.ROOT);
        String fullName = a.option("full-name").map(String::strip).filter(s -> !s.isEmpty()).orElse("Quản trị viên");
        if (!username.matches("[a-z0-9._-]{2,64}")) {
            err.println("error: a user name has 2–64 characters: lower-case letters, digits, dot, dash, underscore");
            return 2;
        }
        if (fullName.length() > 200) {
            err.println("error: the full name has at most 200 characters");
            return 2;
        }
        if (accounts.exists(username)) {
            err.println("error: the user name " + username + " is already taken; nothing was written");
            return 2;
        }
        char[][] entries;
        try {
            entries = input.read(out);
        } catch (IOException e) {
            err.println("error: cannot read the password: " + e.getMessage());
            return 2;
        }
        if (entries == null || entries.length != 2 || entries[0] == null || entries[1] == null) {
            err.println("error: give the password twice (two lines on standard input, or at the console prompts)");
            return 2;
        }
        try {
            if (!Arrays.equals(entries[0], entries[1])) {
                err.println("error: the two passwords differ; nothing was written");
                return 2;
            }
            String password = new String(entries[0]);
            PasswordRules rules = policy.rules();
            List<String> problems = rules.problems(username, password);
            if (!problems.isEmpty()) {
                for (String problem : problems) {
                    err.println("error: " + describe(problem, rules.minLength()));
                }
                err.println("nothing was written");
                return 2;
            }
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT set_config('giamngheo.username', :actor, true)").param("actor", ACTOR).query(String.class).single();
                accounts.create(username, password, fullName, Role.ADMINISTRATOR, null, false);
            });
            out.println("administrator " + username + " created; log in at /login");
            return 0;
        } catch (org.springframework.dao.DataAccessException e) {
            err.println("error: the account could not be written: " + e.getMostSpecificCause().getMessage());
            return 1;
        } finally {
            Arrays.fill(entries[0], '\0');
            Arrays.fill(entries[1], '\0');
        }
    }

    static String describe(String problem, int minLength) {
        return switch (problem) {
            case PasswordRules.TOO_SHORT -> "a password needs at least " + minLength + " characters";
            case PasswordRules.TOO_LONG -> "a password may have at most 72 bytes";
            case PasswordRules.USERNAME -> "the password must not be the user name";
            case PasswordRules.COMMON -> "this password is among the most common passwords (also with digits or signs added at its end)";
            case PasswordRules.BLANK -> "the password is empty";
            default -> problem;
        };
    }

    /** The console when there is a terminal (nothing echoed), otherwise two lines of standard input. */
    private static char[][] readFromConsoleOrStdin(PrintStream prompt) throws IOException {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Same password again: ");
            return new char[][] {first, second};
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String first = in.readLine();
        String second = in.readLine();
        return new char[][] {first == null ? null : first.toCharArray(), second == null ? null : second.toCharArray()};
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
