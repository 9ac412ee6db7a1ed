package vn.giamngheo.areaclass;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.system.cli.CommandArguments;
import vn.giamngheo.system.cli.DatabaseCommand;

/**
 * {@code import-area-classes --file list.csv [--dry-run]}: imports an official list of area classes, all or nothing
 * (docs/exchange-format.md, "Area-class lists"), for the whole country. Audited under the actor {@value #ACTOR}.
 * {@code --dry-run} prints what would be stored and stores nothing. Exit 0 when stored (or would be), 1 when the
 * file is refused (every problem printed with its line and field), 2 when the command line is wrong or the file
 * cannot be opened.
 */
@Component
class ImportAreaClassesCommand implements DatabaseCommand {

    static final String ACTOR = "command-line:import-area-classes";

    private final AreaClassImport importer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;

    ImportAreaClassesCommand(AreaClassImport importer, JdbcClient jdbc, TransactionTemplate transactions,
                             MessageSource messages) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "import-area-classes";
    }

    @Override
    public String usage() {
        return "import-area-classes --file list.csv|list.xlsx [--dry-run]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments a = CommandArguments.parse(args);
        Path file;
        try {
            file = Path.of(a.required("file"));
        } catch (CommandArguments.UsageException e) {
            err.println("error: " + e.getMessage() + "; usage: " + usage());
            return 2;
        }
        boolean dryRun = a.option("dry-run").map(v -> !"false".equals(v)).orElse(false);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        ImportResult result = transactions.execute(status -> {
            jdbc.sql("SELECT set_config('giamngheo.username', :actor, true)").param("actor", ACTOR)
                    .query(String.class).single();
            return importer.importList(file.getFileName().toString(), content, dryRun, AccessScope.NATIONAL, ACTOR);
        });
        if (!result.accepted()) {
            for (ImportProblem p : result.problems()) {
                err.println(p.file() + ":" + p.line() + (p.field().isEmpty() ? "" : ":" + p.field())
                        + (p.value().isEmpty() ? "" : ": '" + p.value() + "'") + ": "
                        + messages.getMessage(p.messageKey(), p.argArray(), p.messageKey(), Locale.ENGLISH));
            }
            err.println(result.problems().size() + " problem(s); nothing was stored");
            return 1;
        }
        for (ImportedRow r : result.rows()) {
            out.println(r.line() + ": " + r.unitCode() + " " + r.unitName() + (r.unitEnded() ? " (before 2025)" : "")
                    + " " + r.classCode() + " " + r.decision() + " " + r.validFrom()
                    + (r.validTo() == null ? "" : " – " + r.validTo()));
        }
        out.println(result.dryRun()
                ? result.rows().size() + " row(s) would be stored (dry run: nothing was stored)"
                : result.rows().size() + " row(s) stored, import " + result.importId());
        return 0;
    }
}
