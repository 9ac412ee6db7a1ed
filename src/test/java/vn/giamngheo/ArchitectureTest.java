package vn.giamngheo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module boundaries: rule modules stay plain Java, lower modules never reach up, no cycles. */
class ArchitectureTest {

    private static final String[] PURE_RULES = {"vn.giamngheo.classification..", "vn.giamngheo.exchange..",
            "vn.giamngheo.analytics..", "vn.giamngheo.generation..",
            "vn.giamngheo.planning..",
            "vn.giamngheo.budget..",
            "vn.giamngheo.calendar..",
            "vn.giamngheo.review.rules..",
            "vn.giamngheo.document..",
            "vn.giamngheo.support.rules..",
            "vn.giamngheo.livelihood.targeting..",
            "vn.giamngheo.monitoring..",
            "vn.giamngheo.movement.rules..",
            "vn.giamngheo.report.rules.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.giamngheo");

    @Test
    void ruleModulesDoNotDependOnSpringOrTheDatabase() {
        noClasses().that().resideInAnyPackage(PURE_RULES)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void ruleModulesDoNotDependOnApplicationModules() {
        noClasses().that().resideInAnyPackage(PURE_RULES)
                .should().dependOnClassesThat().resideInAnyPackage("vn.giamngheo.household..", "vn.giamngheo.security..",
                        "vn.giamngheo.audit..", "vn.giamngheo.geography..", "vn.giamngheo.demo..")
                .check(classes);
    }

    @Test
    void foundationModulesDoNotDependOnTheRegister() {
        noClasses().that().resideInAnyPackage("vn.giamngheo.geography..", "vn.giamngheo.security..", "vn.giamngheo.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.giamngheo.household..", "vn.giamngheo.demo..")
                .check(classes);
    }

    @Test
    void nothingButTheDemonstrationDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("vn.giamngheo.demo..")
                .should().dependOnClassesThat().resideInAPackage("vn.giamngheo.demo..")
                .check(classes);
    }

    @Test
    void featureModulesAreFreeOfCycles() {
        // the command-line registry names every command; commands implement its interface
        slices().matching("vn.giamngheo.(*)..").should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("vn.giamngheo.system.cli.."), DescribedPredicate.alwaysTrue())
                .check(classes);
    }
}
