package vn.giamngheo.system.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dispatches the jar's batch commands. Commands that need no database run in plain Java without
 * starting Spring; the others start the application context without the web server.
 */
public final class BatchCommands {

    /** Commands that need no database: created directly, no Spring context. */
    private static final List<BatchCommand> STANDALONE = List.of(
            new vn.giamngheo.standard.ClassifyCommand(),
            new vn.giamngheo.plan.CheckPlanCommand(),
            new vn.giamngheo.budget.CheckBudgetCommand(),
            new vn.giamngheo.generation.GenerateCommand());

    private static final Map<String, BatchCommand> BY_NAME = STANDALONE.stream()
            .collect(Collectors.toMap(BatchCommand::name, Function.identity()));

    private BatchCommands() {
    }

    public static boolean isBatchCommand(String word) {
        return BY_NAME.containsKey(word) || DatabaseCommands.NAMES.contains(word)
                || "help".equals(word) || "--help".equals(word);
    }

    public static int run(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if ("help".equals(name) || "--help".equals(name)) {
            printUsage(out);
            return 0;
        }
        try {
            BatchCommand command = BY_NAME.get(name);
            if (command != null) {
                return command.run(rest, out, err);
            }
            return DatabaseCommands.run(name, rest, out, err);
        } catch (CommandArguments.UsageException e) {
            err.println("error: " + e.getMessage());
            printUsage(err);
            return 2;
        }
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: java -jar giamngheo.jar [command] [options]   (no command: start the web application)");
        for (BatchCommand command : STANDALONE) {
            out.println("  " + command.usage());
        }
        DatabaseCommands.USAGES.forEach(u -> out.println("  " + u));
    }
}
