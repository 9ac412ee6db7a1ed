package vn.giamngheo.standard.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.giamngheo.standard.rules", "vn.giamngheo.exchange");

    @Test
    void classificationAndExchangeRulesDoNotDependOnSpring() {
        noClasses().that().resideInAnyPackage("vn.giamngheo.standard.rules..", "vn.giamngheo.exchange..")
                .should().dependOnClassesThat(resideInAPackage("org.springframework..")
                        // @NamedInterface documents the module's API; it is no framework at run time
                        .and(not(resideInAPackage("org.springframework.modulith.."))))
                .check(classes);
    }

    @Test
    void theExchangeFormatDoesNotDependOnTheClassifier() {
        noClasses().that().resideInAPackage("vn.giamngheo.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.giamngheo.standard..", "vn.giamngheo.system..")
                .check(classes);
    }
}
