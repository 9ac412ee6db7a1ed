package vn.giamngheo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.giamngheo.system.cli.BatchCommands;

/**
 * Entry point. With no arguments it starts the web application; with a batch command name
 * ({@code classify}, {@code check-plan}, {@code check-budget}, {@code import}, ...) it runs that
 * command and exits with its status (exchange-format §7).
 */
@SpringBootApplication
public class GiamngheoApplication {

    public static void main(String[] args) {
        if (args.length > 0 && BatchCommands.isBatchCommand(args[0])) {
            System.exit(BatchCommands.run(args));
        }
        SpringApplication.run(GiamngheoApplication.class, args);
    }
}
