package vn.giamngheo.plan.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class NoSpringInCheckersTest {

    @Test
    void planningAndBudgetRulesArePlainJava() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.giamngheo.plan.rules", "vn.giamngheo.table", "vn.giamngheo.budget.rules");

        noClasses().should().dependOnClassesThat(resideInAPackage("org.springframework..")
                        // @NamedInterface documents the module's API (the drafting module reads the checkers); it is
                        // no framework at run time
                        .and(not(resideInAPackage("org.springframework.modulith.."))))
                .check(classes);
    }
}
