package vn.giamngheo;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

/**
 * Module boundaries by convention, for every module present and future (no list of packages): {@code rules}
 * sub-packages are plain Java and never reach up into their module, a module that declares no Spring bean stays
 * plain Java, controllers are used by no other module, no cycles. Spring Modulith ({@link ModulesTest}) checks
 * the rest: which types a module exposes to the others.
 */
class ArchitectureTest {

    private static final String BASE = "vn.giamngheo";
    private static final String COMMAND_LINE = BASE + ".system.cli";

    /** What a plain-Java package must not use: Spring, the database, the page and document libraries. */
    private static final DescribedPredicate<JavaClass> FRAMEWORKS = resideInAnyPackage("org.springframework..",
            "java.sql..", "javax.sql..", "org.thymeleaf..", "org.apache.poi..", "com.lowagie..", "org.openpdf..")
            // Modulith's annotations (@NamedInterface) are documentation of the module, not a framework at run time
            .and(not(resideInAPackage("org.springframework.modulith..")))
            .as("Spring, JDBC, Thymeleaf, POI or OpenPDF");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void rulesPackagesArePlainJava() {
        noClasses().that().resideInAPackage(BASE + "..rules..")
                .should().dependOnClassesThat(FRAMEWORKS)
                .check(classes);
    }

    @Test
    void rulesPackagesDoNotReachUpIntoTheirModule() {
        classes().that().resideInAPackage(BASE + "..rules..")
                .should(new ArchCondition<JavaClass>("use of their own module only its rules") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String module = module(item);
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (module.equals(module(target)) && !isRules(target.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void rulesPackagesUseNoSpringBeanOfAnyModule() {
        noClasses().that().resideInAPackage(BASE + "..rules..")
                .should().dependOnClassesThat(springBean())
                .check(classes);
    }

    @Test
    void modulesWithoutSpringBeansArePlainJava() {
        Set<String> plain = plainModules();
        // the modules of plain Java today are found, not listed: a new one is checked as soon as it exists
        assertThat(plain).contains("exchange", "calendar", "table", "document", "generation");
        noClasses().that(new DescribedPredicate<JavaClass>("belong to a module without Spring beans " + plain) {
                    @Override
                    public boolean test(JavaClass c) {
                        return plain.contains(module(c));
                    }
                })
                .should().dependOnClassesThat(FRAMEWORKS.and(not(resideInAnyPackage("org.apache.poi..", "com.lowagie..",
                        "org.openpdf..")))) // documents and tables are read and written here
                .check(classes);
    }

    @Test
    void plainJavaUsesOnlyPlainJavaOfOtherModules() {
        // rules packages and modules without beans: of the other modules they use only rules packages, plain modules
        // and the command-line interfaces their commands implement
        Set<String> plain = plainModules();
        classes().that(plainCode(plain))
                .should(new ArchCondition<JavaClass>("use of other modules only their rules or plain modules") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            String module = module(target);
                            if (!module.isEmpty() && !module.equals(module(item)) && !plain.contains(module)
                                    && !isRules(target.getPackageName()) && !target.getPackageName().equals(COMMAND_LINE)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void controllersAreUsedByNoOtherModule() {
        classes().that().areMetaAnnotatedWith(Controller.class)
                .should(new ArchCondition<JavaClass>("be used only inside their module") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (Dependency d : item.getDirectDependenciesToSelf()) {
                            if (!module(d.getOriginClass()).equals(module(item))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
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
    void modulesAreFreeOfCycles() {
        slices().matching("vn.giamngheo.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Modules none of whose classes is a Spring bean. */
    private Set<String> plainModules() {
        Map<String, Set<JavaClass>> byModule = classes.stream().filter(c -> !module(c).isEmpty())
                .collect(Collectors.groupingBy(ArchitectureTest::module, Collectors.toSet()));
        Set<String> plain = new TreeSet<>();
        byModule.forEach((module, members) -> {
            if (members.stream().noneMatch(springBean()::test)) {
                plain.add(module);
            }
        });
        return plain;
    }

    private static DescribedPredicate<JavaClass> plainCode(Set<String> plain) {
        return new DescribedPredicate<>("are in a rules package or a module without Spring beans " + plain) {
            @Override
            public boolean test(JavaClass c) {
                return isRules(c.getPackageName()) || plain.contains(module(c));
            }
        };
    }

    private static DescribedPredicate<JavaClass> springBean() {
        return new DescribedPredicate<>("are Spring beans (@Component, @Service, @Controller, @Configuration, ...)") {
            @Override
            public boolean test(JavaClass c) {
                return c.isMetaAnnotatedWith(Component.class) || c.isAnnotatedWith(Component.class);
            }
        };
    }

    /** The module of a class: the package right under vn.giamngheo ("" for the root and other libraries). */
    static String module(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(BASE + ".")) {
            return "";
        }
        String rest = p.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean isRules(String packageName) {
        return packageName.contains(".rules.") || packageName.endsWith(".rules");
    }
}
