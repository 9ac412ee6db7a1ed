package vn.giamngheo.system.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses {@code --name value} options and positional arguments of a batch command. */
public final class CommandArguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CommandArguments() {
    }

    public static CommandArguments parse(List<String> args) {
        CommandArguments parsed = new CommandArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--giamngheo.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                continue; // application settings, read by Spring
            }
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    parsed.options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    parsed.options.put(name, args.get(++i));
                } else {
                    parsed.options.put(name, "true");
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("missing option --" + name);
        }
        return value;
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Thrown for a command line that cannot be understood; maps to exit status 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
