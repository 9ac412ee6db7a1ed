package vn.giamngheo.system.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dispatches the jar's batch commands. Commands that need no database run in plain Java without
 * starting Spring; the others start the application context without the web server. The entry point names the
 * commands and the application, so that this module depends on no feature module (the features depend on it).
 */
public final class BatchCommands {

    /** Commands that need no database: created directly, no Spring context. */
    private final List<BatchCommand> standalone;
    private final Map<String, BatchCommand> byName;
    private final Class<?> application;

    /**
     * @param application the Spring Boot application the database commands start (without the web server)
     * @param standalone  the commands that need no database
     */
    public BatchCommands(Class<?> application, List<BatchCommand> standalone) {
        this.application = application;
        this.standalone = List.copyOf(standalone);
        this.byName = this.standalone.stream().collect(Collectors.toMap(BatchCommand::name, Function.identity()));
    }

    public boolean isBatchCommand(String word) {
        return byName.containsKey(word) || DatabaseCommands.NAMES.contains(word)
                || "help".equals(word) || "--help".equals(word);
    }

    public int run(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if ("help".equals(name) || "--help".equals(name)) {
            printUsage(out);
            return 0;
        }
        try {
            BatchCommand command = byName.get(name);
            if (command != null) {
                return command.run(rest, out, err);
            }
            return DatabaseCommands.run(application, name, rest, out, err);
        } catch (CommandArguments.UsageException e) {
            err.println("error: " + e.getMessage());
            printUsage(err);
            return 2;
        }
    }

    private void printUsage(PrintStream out) {
        out.println("usage: java -jar giamngheo.jar [command] [options]   (no command: start the web application)");
        for (BatchCommand command : standalone) {
            out.println("  " + command.usage());
        }
        DatabaseCommands.USAGES.forEach(u -> out.println("  " + u));
    }
}
