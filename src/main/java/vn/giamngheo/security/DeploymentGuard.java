package vn.giamngheo.security;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.giamngheo.system.cli.DemoOption;

/**
 * Refuses to start the demonstration (six accounts with a published password) against an external database: it runs
 * only on the embedded one. Checked while the application context starts, before anything is loaded.
 */
@Component
class DeploymentGuard {

    static final String REFUSED = "The demonstration (--demo or giamngheo.demo.enabled=true) runs only on the embedded "
            + "database: spring.datasource.url is set, so it would create accounts with the password published in the "
            + "README on a real database. Start without --demo (and create the first administrator with "
            + "'java -jar giamngheo.jar create-admin --username NAME').";

    DeploymentGuard(Environment environment) {
        if (DemoOption.requested(environment) && DemoOption.externalDatabase(environment)) {
            System.err.println("error: " + REFUSED);
            throw new IllegalStateException(REFUSED);
        }
    }
}
