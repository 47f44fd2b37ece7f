package org.trainkit.checkpoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The checkpoint package builds on core, the JDK and Jackson only (no DJL, nothing above it). */
class LayeringTest {

    @Test
    void checkpointDependsOnlyOnCoreTheJdkAndJackson() {
        JavaClasses checkpoint = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trainkit.checkpoint");
        classes().that().resideInAPackage("org.trainkit.checkpoint")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.trainkit.checkpoint", "org.trainkit.core", "java..", "com.fasterxml.jackson..")
                .check(checkpoint);
    }
}
