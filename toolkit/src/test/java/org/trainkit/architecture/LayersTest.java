package org.trainkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The toolkit's packages form layers, bottom up; no package may depend on one above it. The
 * README's package table lists them in this order.
 */
class LayersTest {

    /** Bottom up. */
    static final List<String> LAYERS = List.of("core", "schedules", "curves", "compare", "data", "checkpoint", "train",
            "reweight", "merge", "plot", "notebook", "cli");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trainkit");
    }

    static Stream<String> layers() {
        return LAYERS.stream().limit(LAYERS.size() - 1);
    }

    @ParameterizedTest(name = "{0} depends on no layer above it")
    @MethodSource("layers")
    void noPackageDependsOnALayerAboveIt(String layer) {
        int index = LAYERS.indexOf(layer);
        String[] above = IntStream.range(index + 1, LAYERS.size())
                .mapToObj(i -> "org.trainkit." + LAYERS.get(i) + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("org.trainkit." + layer + "..")
                .should().dependOnClassesThat().resideInAnyPackage(above)
                .because("the packages are layered bottom up as " + LAYERS)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void everyClassIsInALayer() {
        classes().that().resideInAPackage("org.trainkit..").and().doNotHaveSimpleName("package-info")
                .should().resideInAnyPackage(LAYERS.stream().map(l -> "org.trainkit." + l + "..").toArray(String[]::new))
                .because("every class belongs to one of the layers " + LAYERS)
                .check(classes);
    }

    /**
     * The same rule on the source text: an import that only javadoc uses (in a package-info, say)
     * leaves no trace in the bytecode ArchUnit reads, yet it still ties a package to one above it.
     */
    @Test
    void noSourceFileImportsALayerAboveItsOwn() throws IOException {
        Path sources = Path.of("src", "main", "java", "org", "trainkit");
        Pattern importLine = Pattern.compile("^import (?:static )?org\\.trainkit\\.(\\w+)\\.", Pattern.MULTILINE);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = sources.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                int own = LAYERS.indexOf(relative.getName(0).toString());
                Matcher m = importLine.matcher(Files.readString(file));
                while (m.find()) {
                    int imported = LAYERS.indexOf(m.group(1));
                    if (imported > own) {
                        violations.add(relative + " imports org.trainkit." + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "imports of a layer above, bottom up " + LAYERS);
    }
}
