package vn.giamngheo.credit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.system.cli.CommandArguments;
import vn.giamngheo.system.cli.DatabaseCommand;

/**
 * {@code import-loans --file loans.csv [--as USER] [--dry-run] [--matched-only]}: imports the social-policy bank's
 * loan file within the named user's area (default: admin). Exit status 0 when stored (with {@code --dry-run}: when
 * it would be stored), 1 when refused (every problem printed; lines matching no household without
 * {@code --matched-only}), 2 when unreadable or the command line is wrong.
 */
@Component
class ImportLoansCommand implements DatabaseCommand {

    private final LoanImport importer;
    private final UserAccounts users;

    ImportLoansCommand(LoanImport importer, UserAccounts users) {
        this.importer = importer;
        this.users = users;
    }

    @Override
    public String name() {
        return "import-loans";
    }

    @Override
    public String usage() {
        return "import-loans --file loans.csv|loans.xlsx [--as USERNAME] [--dry-run] [--matched-only]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments a = CommandArguments.parse(args);
        Path file = Path.of(a.required("file"));
        if (!Files.isReadable(file)) {
            err.println("error: cannot read " + file);
            return 2;
        }
        boolean dryRun = a.option("dry-run").isPresent();
        boolean matchedOnly = a.option("matched-only").isPresent();
        String username = a.option("as").orElse("admin");
        CurrentUser user = users.findByUsername(username).orElse(null);
        if (user == null) {
            err.println("error: no user " + username + " (use --as with an existing user name)");
            return 2;
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        LoanImport.Mode mode = dryRun ? LoanImport.Mode.DRY_RUN : matchedOnly ? LoanImport.Mode.MATCHED_ONLY : LoanImport.Mode.ALL;
        try (InputStream in = Files.newInputStream(file)) {
            LoanImport.Result r = importer.importFile(file.getFileName().toString(), in, mode, user, p -> { });
            r.problems().stream().filter(p -> !p.isError()).forEach(p -> err.println("warning: " + p));
            r.errors().forEach(p -> err.println(p));
            r.unmatched().forEach(u -> out.println("unmatched line " + u.line() + ": commune " + u.communeCode()
                    + ", household " + (u.householdCode() == null ? "—" : u.householdCode()) + ", identity number "
                    + (u.idNumber() == null ? "—" : u.idNumber()) + ", contract " + u.contractNo() + " (not stored)"));
            out.println(r.lines() + " lines: " + r.matched() + " matched (" + r.byCode() + " by household code, "
                    + r.byIdNumber() + " by identity number), " + r.unmatched().size() + " unmatched; "
                    + r.newLoans() + " new loans, " + r.newStatements() + " new statements, " + r.unchanged() + " unchanged");
            if (!r.accepted()) {
                out.println("rejected: " + r.errors().size() + " problem(s); nothing was stored");
                return 1;
            }
            if (dryRun) {
                out.println("dry run: nothing was stored" + (r.unmatched().isEmpty() ? ""
                        : "; give --matched-only to store the matched lines only"));
                return 0;
            }
            out.println(r.stored() ? "stored" : "not stored");
            return r.stored() ? 0 : 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
