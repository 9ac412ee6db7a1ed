package vn.giamngheo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules as Spring Modulith reads them from the code: one module per package under {@code vn.giamngheo}, its
 * sub-packages internal unless a {@code @NamedInterface} exposes them. The build verifies them and writes their
 * documentation (C4 component diagrams in PlantUML and module canvases in AsciiDoc) into {@code docs/modules}.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GiamngheoApplication.class);

    @Test
    void theModulesUseEachOtherOnlyThroughTheirApiAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyModuleSaysWhatItIsFor() throws IOException {
        List<ApplicationModule> modules = MODULES.stream().filter(m -> !m.isRootModule()).toList();
        assertThat(modules).extracting(ApplicationModule::getIdentifier).extracting(Object::toString)
                .contains("household", "review", "plan", "budget", "monitoring", "programme", "standard", "analysis");
        for (ApplicationModule module : modules) {
            Path info = Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'), "package-info.java");
            assertThat(info).as("package-info.java of module " + module.getIdentifier()).exists();
            assertThat(Files.readString(info)).as("purpose of module " + module.getIdentifier()).contains("/**");
        }
    }

    @Test
    void writesTheModulesDocumentation() throws IOException {
        Path folder = Path.of("docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()).withoutClean())
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(folder.resolve("components.puml")).exists();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, sortedRuns(Files.readAllLines(file)));
            }
        }
        for (ApplicationModule module : MODULES.stream().filter(m -> !m.isRootModule()).toList()) {
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc")).exists();
        }
    }

    /** The Documenter writes components and relations in no fixed order: sorted, the files change only with the code. */
    static List<String> sortedRuns(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String k = line.strip().startsWith("Rel(") ? "Rel" : line.strip().startsWith("Component(") ? "Component" : null;
            if (k == null || !k.equals(kind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            kind = k;
            if (k == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
