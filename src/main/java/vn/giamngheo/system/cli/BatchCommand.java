package vn.giamngheo.system.cli;

import java.io.PrintStream;
import java.util.List;

/** A command of the jar's command line (exchange-format §7). Returns the process exit status. */
public interface BatchCommand {

    /** The word after {@code java -jar giamngheo.jar}. */
    String name();

    /** One line for the usage text. */
    String usage();

    int run(List<String> args, PrintStream out, PrintStream err);
}
