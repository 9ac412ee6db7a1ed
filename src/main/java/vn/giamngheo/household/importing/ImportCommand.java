package vn.giamngheo.household.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.system.cli.CommandArguments;
import vn.giamngheo.system.cli.DatabaseCommand;

/**
 * {@code import --year 2026 --households h.csv --members m.csv [--as USER] [--mode add|update] [--dry-run]
 * [--create-villages] [--bulk]}: stores the files whole or not at all (exchange-format §7). Runs as the named
 * user (default: admin), within that user's area. {@code --mode update} updates registered households (by
 * household code; members by member number, never deleting one); {@code --dry-run} prints what would be stored
 * (the counts, then one line per changed field) and stores nothing; {@code --create-villages} creates the villages
 * the communes do not have (otherwise refused with the closest names). Exit status 0 when stored (or, with
 * {@code --dry-run}, when the files would be stored), 1 when the files were rejected (every problem printed),
 * 2 when unreadable or the command line is wrong.
 */
@Component
public class ImportCommand implements DatabaseCommand {

    private final HouseholdImport importer;
    private final HouseholdBulkImport bulkImporter;
    private final UserAccounts users;

    ImportCommand(HouseholdImport importer, HouseholdBulkImport bulkImporter, UserAccounts users) {
        this.importer = importer;
        this.bulkImporter = bulkImporter;
        this.users = users;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import --year YYYY --households h.csv|h.xlsx --members m.csv|m.xlsx [--as USERNAME] [--mode add|update]"
                + " [--dry-run] [--create-villages] [--bulk]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments a = CommandArguments.parse(args);
        int year;
        try {
            year = Integer.parseInt(a.required("year"));
        } catch (NumberFormatException e) {
            err.println("error: --year must be a year such as 2026");
            return 2;
        }
        ImportOptions.Mode mode = ImportOptions.Mode.parse(a.option("mode").orElse("add")).orElse(null);
        if (mode == null) {
            err.println("error: --mode must be add or update");
            return 2;
        }
        boolean dryRun = flag(a, "dry-run");
        ImportOptions options = new ImportOptions(mode, flag(a, "create-villages"));
        if (a.option("bulk").isPresent() && (dryRun || mode == ImportOptions.Mode.UPDATE)) {
            err.println("error: --bulk adds new households only and has no --dry-run; leave out --bulk");
            return 2;
        }
        Path households = Path.of(a.required("households"));
        Path members = Path.of(a.required("members"));
        for (Path p : List.of(households, members)) {
            if (!Files.isReadable(p)) {
                err.println("error: cannot read " + p);
                return 2;
            }
        }
        String username = a.option("as").orElse("admin");
        CurrentUser user = users.findByUsername(username).orElse(null);
        if (user == null) {
            err.println("error: no user " + username + " (use --as with an existing user name)");
            return 2;
        }
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        if (a.option("bulk").isPresent()) {
            try {
                return bulk(year, households, members, options.createVillages(), user, out, err);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        try (InputStream h = Files.newInputStream(households); InputStream m = Files.newInputStream(members)) {
            if (dryRun) {
                ImportPlan plan = importer.plan(year, options, households.getFileName().toString(), h,
                        members.getFileName().toString(), m, user, p -> { });
                plan.warnings().forEach(p -> err.println("warning: " + format(p)));
                plan.errors().forEach(p -> err.println(format(p)));
                plan.summaryLines().forEach(out::println);
                out.println(plan.wouldStore() ? "dry run: the files would be stored; nothing was stored"
                        : "dry run: the files would be rejected (" + plan.errors().size() + " problem(s)); nothing was stored");
                return plan.wouldStore() ? 0 : 1;
            }
            HouseholdImport.Result result = importer.importFiles(year, options, households.getFileName().toString(), h,
                    members.getFileName().toString(), m, user, p -> { });
            result.problems().stream().filter(p -> !p.isError()).forEach(p -> err.println("warning: " + format(p)));
            if (!result.stored()) {
                result.errors().forEach(p -> err.println(format(p)));
                out.println("rejected: " + result.errors().size() + " problem(s); nothing was stored");
                return 1;
            }
            out.println((mode == ImportOptions.Mode.UPDATE ? "updated: " : "stored: ") + result.households() + " households, "
                    + result.members() + " members (lists of " + year + ")");
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** {@code --bulk}: CSV only, members in the order of the households; see {@link HouseholdBulkImport}. */
    private int bulk(int year, Path households, Path members, boolean createVillages, CurrentUser user, PrintStream out,
                     PrintStream err) {
        for (Path p : List.of(households, members)) {
            if (!p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                err.println("error: --bulk reads CSV files only: " + p);
                return 2;
            }
        }
        long start = System.nanoTime();
        HouseholdBulkImport.Result result = bulkImporter.importFiles(year, households, members, createVillages, user,
                out::println);
        double seconds = (System.nanoTime() - start) / 1e9;
        result.problems().stream().filter(p -> !p.isError()).forEach(p -> err.println("warning: " + format(p)));
        result.phases().forEach((phase, s) -> out.printf("  %-45s %8.1f s%n", phase, s));
        if (!result.stored()) {
            result.errors().forEach(p -> err.println(format(p)));
            out.println("rejected: " + result.errorCount() + " problem(s)"
                    + (result.errorCount() > result.errors().size() ? " (the first " + result.errors().size() + " listed)" : "")
                    + "; nothing was stored");
            return 1;
        }
        out.printf("stored: %d households, %d members (lists of %d), import %d, in %.1f s (%.0f households/s)%n",
                result.households(), result.members(), year, result.importId(), seconds, result.households() / seconds);
        return 0;
    }

    /** A flag given as {@code --name} (or {@code --name=true}). */
    private static boolean flag(CommandArguments a, String name) {
        return a.option(name).map(v -> !"false".equalsIgnoreCase(v)).orElse(false);
    }

    public static String format(ExchangeProblem p) {
        return p.file() + ":" + p.line() + ":" + p.column() + ": " + (p.value() == null ? "" : p.value()) + ": " + p.message();
    }
}
