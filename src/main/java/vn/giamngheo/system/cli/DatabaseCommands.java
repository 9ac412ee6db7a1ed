package vn.giamngheo.system.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Batch commands that work on the database: the application context is started without the web
 * server, the command bean named like the command runs, and the context closes.
 */
final class DatabaseCommands {

    static final Set<String> NAMES = Set.of("import", "backup", "restore", "bench-import", "create-admin",
            "import-loans");

    static final List<String> USAGES = List.of(
            "import --year YYYY --households h.csv|h.xlsx --members m.csv|m.xlsx [--as USERNAME] [--bulk]   (--bulk: CSV in household order, COPY path for millions of rows; also --giamngheo.data-dir=…, --spring.datasource.url=…)",
            "create-admin --username NAME [--full-name \"…\"]   (an administrator; the password is read from the console, or as two lines on standard input — never an argument)",
            "backup --out FILE [--passphrase-file F]   (consistent snapshot of the whole database, encrypted with a passphrase read from the console or F; stop the application using the embedded database first)",
            "restore --in FILE [--passphrase-file F]   (decrypts and authenticates, then loads into an empty database of the same schema version, e.g. a new --giamngheo.data-dir; runs as the owner role: the data folder's, or --spring.flyway.user/--spring.flyway.password on an external database)",
            "import-loans --file loans.csv|loans.xlsx [--as USERNAME] [--dry-run] [--matched-only]   (the social-policy bank's loan file: all or nothing for line errors; lines matching no household are listed, and stored nowhere)",
            "bench-import --dir DIR       (benchmark, scratch --giamngheo.data-dir only: bulk import of DIR/households.csv + members.csv vs raw COPY)");

    private DatabaseCommands() {
    }

    static int run(Class<?> application, String name, List<String> args, PrintStream out, PrintStream err) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("giamngheo.demo.enabled", "false", "spring.main.banner-mode", "off"));
        // --giamngheo.* and --spring.* options configure the application (data folder, database)
        // batch commands never load demonstration data and keep the log quiet; given options still win
        java.util.List<String> given = args.stream()
                .filter(a -> a.startsWith("--giamngheo.") || a.startsWith("--spring.") || a.startsWith("--logging."))
                .toList();
        // a setting given twice would read as "first,second": defaults only for settings not given
        java.util.List<String> settings = new java.util.ArrayList<>(java.util.stream.Stream.of("--giamngheo.demo.enabled=false",
                        "--logging.level.root=WARN", "--logging.level.vn.giamngheo=WARN", "--spring.main.log-startup-info=false")
                .filter(d -> given.stream().noneMatch(g -> g.startsWith(d.substring(0, d.indexOf('=') + 1))))
                .toList());
        settings.addAll(given);
        String[] springArgs = settings.toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            return context.getBeansOfType(DatabaseCommand.class).values().stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .map(c -> c.run(args, out, err))
                    .orElseGet(() -> {
                        err.println("error: command " + name + " is not available");
                        return 2;
                    });
        }
    }
}
