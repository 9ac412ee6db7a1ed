package vn.giamngheo.system.cli;

import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Whether the demonstration (users with a published password, generated households) was asked for: {@code --demo} on
 * the command line (or {@code --giamngheo.demo.households=N}, a demonstration of that size), or the setting
 * {@code giamngheo.demo.enabled=true}. Off by default. It runs only on the embedded
 * database: with {@code spring.datasource.url} set it is refused ({@code security.DeploymentGuard}).
 */
public final class DemoOption {

    public static final String FLAG = "demo";
    public static final String PROPERTY = "giamngheo.demo.enabled";
    /** How many demonstration households: given on the command line, it asks for the demonstration too. */
    public static final String HOUSEHOLDS = "giamngheo.demo.households";

    private DemoOption() {
    }

    public static boolean requested(Environment environment) {
        if (environment.getProperty(PROPERTY, Boolean.class, false)) {
            return true;
        }
        if (environment instanceof ConfigurableEnvironment configurable) {
            // only the command line's --demo, not a DEMO environment variable or any other source
            PropertySource<?> commandLine = configurable.getPropertySources()
                    .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
            if (commandLine != null && commandLine.containsProperty(FLAG)) {
                Object value = commandLine.getProperty(FLAG);
                return value == null || String.valueOf(value).isEmpty() || "true".equalsIgnoreCase(String.valueOf(value));
            }
            // --giamngheo.demo.households=N on the command line asks for a demonstration of that size, unless the
            // demonstration is switched off explicitly
            if (commandLine != null && commandLine.containsProperty(HOUSEHOLDS)
                    && environment.getProperty(PROPERTY) == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether an external database is configured (the demonstration is refused there). */
    public static boolean externalDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }
}
