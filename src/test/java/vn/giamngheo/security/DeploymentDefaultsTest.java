package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.mock.env.MockEnvironment;
import vn.giamngheo.system.cli.DemoOption;

/** When the demonstration is loaded, and that it is refused on an external database (table-driven, no database). */
class DeploymentDefaultsTest {

    static List<Arguments> cases() {
        return List.of(
                // command line, setting giamngheo.demo.enabled, spring.datasource.url, requested?, refused?
                Arguments.of(new String[] {}, null, null, false, false),
                Arguments.of(new String[] {"--demo"}, null, null, true, false),
                Arguments.of(new String[] {"--demo=true"}, null, null, true, false),
                Arguments.of(new String[] {"--demo=false"}, null, null, false, false),
                Arguments.of(new String[] {"--server.port=8140"}, null, null, false, false),
                Arguments.of(new String[] {"--giamngheo.demo.households=16000"}, null, null, true, false),
                Arguments.of(new String[] {"--giamngheo.demo.households=16000"}, "false", null, false, false),
                Arguments.of(new String[] {"--giamngheo.demo.households=16000"}, null, "jdbc:postgresql://db/giamngheo", true, true),
                Arguments.of(new String[] {}, "true", null, true, false),
                Arguments.of(new String[] {}, "false", null, false, false),
                Arguments.of(new String[] {"--demo"}, null, "jdbc:postgresql://db/giamngheo", true, true),
                Arguments.of(new String[] {}, "true", "jdbc:postgresql://db/giamngheo", true, true),
                Arguments.of(new String[] {}, null, "jdbc:postgresql://db/giamngheo", false, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void demonstration(String[] args, String setting, String url, boolean requested, boolean refused) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        if (setting != null) {
            environment.setProperty(DemoOption.PROPERTY, setting);
        }
        if (url != null) {
            environment.setProperty("spring.datasource.url", url);
        }
        assertThat(DemoOption.requested(environment)).isEqualTo(requested);
        assertThat(new vn.giamngheo.demo.DemoEnabled().matches(new FakeContext(environment), null))
                .as("the demonstration's beans").isEqualTo(requested && !refused);
        if (refused) {
            assertThatThrownBy(() -> DeploymentGuard.check(environment)).hasMessageContaining("only on the embedded database");
        } else {
            DeploymentGuard.check(environment);
        }
    }

    @org.junit.jupiter.api.Test
    void aDemoEnvironmentVariableDoesNotCount() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("demo", "true");
        assertThat(DemoOption.requested(environment)).isFalse();
    }

    private record FakeContext(org.springframework.core.env.Environment environment)
            implements org.springframework.context.annotation.ConditionContext {
        @Override
        public org.springframework.beans.factory.support.BeanDefinitionRegistry getRegistry() {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.springframework.beans.factory.config.ConfigurableListableBeanFactory getBeanFactory() {
            return null;
        }

        @Override
        public org.springframework.core.env.Environment getEnvironment() {
            return environment;
        }

        @Override
        public org.springframework.core.io.ResourceLoader getResourceLoader() {
            return null;
        }

        @Override
        public ClassLoader getClassLoader() {
            return getClass().getClassLoader();
        }
    }
}
