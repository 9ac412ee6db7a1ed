package vn.giamngheo.table;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.giamngheo.system.cli.BatchCommand;
import vn.giamngheo.system.cli.CommandArguments;

/**
 * The common shape of {@code check-plan} and {@code check-budget} (exchange-format §6, §7): read one
 * CSV/XLSX table, check it, write the findings CSV to {@code --out} or to standard output, and print a
 * one-line summary (to standard error when the findings go to standard output). Exit 0 without errors,
 * 1 with at least one error, 2 when the table cannot be read or lacks a required column.
 */
public abstract class TableCheckCommand implements BatchCommand {

    /** Required columns absent from the table. */
    protected abstract List<String> missingColumns(Table table);

    protected abstract CheckReport check(Table table);

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments arguments = CommandArguments.parse(args);
        if (arguments.positional().size() != 1) {
            throw new CommandArguments.UsageException(name() + " needs exactly one input file");
        }
        Path input = Path.of(arguments.positional().get(0));
        Table table;
        try {
            table = TableReader.read(input);
        } catch (TableReader.UnreadableTableException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<String> missing = missingColumns(table);
        if (!missing.isEmpty()) {
            err.println("error: " + input + ": missing required column(s) " + String.join(", ", missing)
                    + " (found: " + String.join(", ", table.columns()) + ")");
            return 2;
        }
        CheckReport report = check(table);
        String summary = input + ": " + report.summary(Messages.VIETNAMESE);
        var outFile = arguments.option("out");
        try {
            if (outFile.isPresent()) {
                try (Writer writer = Files.newBufferedWriter(Path.of(outFile.get()), StandardCharsets.UTF_8)) {
                    report.writeCsv(writer);
                }
                out.println(summary);
            } else {
                report.writeCsv(out);
                out.flush();
                err.println(summary);
            }
        } catch (IOException e) {
            err.println("error: cannot write " + outFile.orElse("standard output") + ": " + e.getMessage());
            return 2;
        }
        return report.exitStatus();
    }
}
