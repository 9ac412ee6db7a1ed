package vn.giamngheo.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.giamngheo.system.cli.DemoOption;

/**
 * Refuses to start the demonstration (six accounts with a published password) against an external database: it runs
 * only on the embedded one. A bean factory post-processor, so the check runs before any bean is created — before the
 * data source connects or a migration runs — and the message is the first and only error.
 */
@Component
class DeploymentGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String REFUSED = "The demonstration (--demo or giamngheo.demo.enabled=true) runs only on the embedded "
            + "database: spring.datasource.url is set, so it would create accounts with the password published in the "
            + "README on a real database. Start without --demo (and create the first administrator with "
            + "'java -jar giamngheo.jar create-admin --username NAME').";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        if (DemoOption.requested(environment) && DemoOption.externalDatabase(environment)) {
            System.err.println("error: " + REFUSED);
            throw new IllegalStateException(REFUSED);
        }
    }
}
