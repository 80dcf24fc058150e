package org.e2dl4j.nn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the library, checked on the compiled main classes of e2-math and dl4j-e2-layers: e2-math
 * knows nothing of DL4J, ND4J or Jackson; each layer family ({@code org.e2dl4j.nn.<family>}) builds on the core
 * {@code org.e2dl4j.nn} and e2-math only, never on another family; the core never uses a family; the bridge
 * {@code org.e2dl4j.nn.e2cnn} is an outer layer (it may use the families, neither they nor the core use it); and no
 * two packages depend on each other in a cycle.
 */
class PackageRulesTest {

    private static final String BRIDGE = "e2cnn";
    private static final String BRIDGE_PACKAGE = "org.e2dl4j.nn." + BRIDGE;

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // e2-math's test-jar (its reference-data decoder) is on the class path too: tests are not the library
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.e2dl4j.math", "org.e2dl4j.nn");
    }

    @Test
    void theClassesUnderTestAreThere() {
        // a rule over an empty import would pass without checking anything
        for (String name : List.of("org.e2dl4j.math.gspace.GSpaces", "org.e2dl4j.nn.FieldType",
                "org.e2dl4j.nn.conv.R2Conv", "org.e2dl4j.nn.invariant.GroupPooling")) {
            classes.get(name);
        }
    }

    @Test
    void mathImportsNoDeepLearningLibrary() {
        ArchRule rule = noClasses().that().resideInAPackage("org.e2dl4j.math..").should().dependOnClassesThat()
                .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "com.fasterxml.jackson..",
                        "org.e2dl4j.nn..")
                .because("e2-math is the group theory, usable without DL4J");
        rule.check(classes);
    }

    @Test
    void familiesDoNotDependOnEachOther() {
        ArchRule rule = slices().matching("org.e2dl4j.nn.(*)..").that(DescribedPredicate.describe("a layer family",
                        (Slice s) -> !s.getDescription().contains(BRIDGE)))
                .should().notDependOnEachOther()
                .because("a layer family builds on the core and e2-math only, so one can be added or changed alone");
        rule.check(classes);
    }

    @Test
    void theCoreNeverUsesAFamily() {
        ArchRule rule = noClasses().that().resideInAPackage("org.e2dl4j.nn").should().dependOnClassesThat()
                .resideInAPackage("org.e2dl4j.nn.*..")
                .because("the core is what every family builds on");
        rule.check(classes);
    }

    @Test
    void nothingButTheBridgeUsesTheBridge() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(BRIDGE_PACKAGE + "..").should()
                .dependOnClassesThat().resideInAPackage(BRIDGE_PACKAGE + "..")
                .because("the e2cnn bridge is an outer layer over the families and the core");
        rule.check(classes);
    }

    @Test
    void theBridgeIsImported() {
        classes.get(BRIDGE_PACKAGE + ".E2cnnWeights");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.e2dl4j.(**)").should().beFreeOfCycles().check(classes);
    }
}
