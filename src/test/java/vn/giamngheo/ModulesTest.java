package vn.giamngheo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

    private final ApplicationModules modules = ApplicationModules.of(GiamngheoApplication.class);

    @Test
    void theModulesKeepTheirBoundaries() {
        System.out.println(modules);
        modules.detectViolations().getMessages().forEach(m -> System.out.println("VIOLATION: " + m));
        modules.verify();
    }
}
