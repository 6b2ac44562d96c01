package cn.heatdesk.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Modular-monolith boundaries: a module may use another module only through its published
 * {@code cn.heatdesk.<module>.api} package, and the kernel and database adapters depend on no module.
 */
class ArchitectureTest {

    static final List<String> MODULES = List.of(
            "settings", "baseinfo", "servicedesk", "repair", "monitor", "callcenter", "notice", "report");
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.heatdesk");
    }

    @Test
    void modulesTalkOnlyThroughEachOthersApi() {
        for (String module : MODULES) {
            for (String other : MODULES) {
                if (module.equals(other)) {
                    continue;
                }
                ArchRule rule = noClasses().that().resideInAPackage("cn.heatdesk." + module + "..")
                        .should().dependOnClassesThat(
                                com.tngtech.archunit.base.DescribedPredicate.describe(
                                        "internal classes of module " + other,
                                        (com.tngtech.archunit.core.domain.JavaClass c) ->
                                                c.getPackageName().startsWith("cn.heatdesk." + other)
                                                        && !c.getPackageName().startsWith("cn.heatdesk." + other + ".api")))
                        .because("modules talk only through published api packages")
                        .allowEmptyShould(true);
                rule.check(classes);
            }
        }
    }

    @Test
    void kernelAndAdaptersDependOnNoModule() {
        String[] modulePackages = MODULES.stream().map(m -> "cn.heatdesk." + m + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("cn.heatdesk.kernel..", "cn.heatdesk.db..")
                .should().dependOnClassesThat().resideInAnyPackage(modulePackages)
                .check(classes);
        noClasses().that().resideInAPackage("cn.heatdesk.db..")
                .should().dependOnClassesThat().resideInAPackage("cn.heatdesk.kernel..")
                .check(classes);
    }

    @Test
    void apiPackagesDoNotLeakInternals() {
        for (String module : MODULES) {
            noClasses().that().resideInAPackage("cn.heatdesk." + module + ".api..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "internal classes of " + module,
                            (com.tngtech.archunit.core.domain.JavaClass c) ->
                                    c.getPackageName().startsWith("cn.heatdesk." + module)
                                            && !c.getPackageName().startsWith("cn.heatdesk." + module + ".api")))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
