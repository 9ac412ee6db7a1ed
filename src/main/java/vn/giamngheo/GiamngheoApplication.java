package vn.giamngheo;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.giamngheo.budget.CheckBudgetCommand;
import vn.giamngheo.generation.GenerateCommand;
import vn.giamngheo.plan.CheckPlanCommand;
import vn.giamngheo.standard.ClassifyCommand;
import vn.giamngheo.system.cli.BatchCommands;

/**
 * Entry point. With no arguments it starts the web application; with a batch command name
 * ({@code classify}, {@code check-plan}, {@code check-budget}, {@code import}, ...) it runs that
 * command and exits with its status (exchange-format §7).
 */
@SpringBootApplication
public class GiamngheoApplication {

    /** The batch commands: those that need no database are named here; the others are beans of their modules. */
    private static final BatchCommands COMMANDS = new BatchCommands(GiamngheoApplication.class, List.of(
            new ClassifyCommand(),
            new CheckPlanCommand(),
            new CheckBudgetCommand(),
            new GenerateCommand()));

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.isBatchCommand(args[0])) {
            System.exit(COMMANDS.run(args));
        }
        SpringApplication.run(GiamngheoApplication.class, args);
    }
}
