package io.ferry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Ferry's architecture as rules over the classes below a root package: {@code io.ferry} for the runtime, another
 * root for the fixtures that show each rule catches what it should. The layers, from the top:
 *
 * <table>
 * <caption>The layers, each allowed to use the layers below it and nothing above</caption>
 * <tr><th>Layer</th><th>Packages</th><th>What is there</th></tr>
 * <tr><td>Resources and drivers</td><td>{@code api}, {@code http}, {@code job}, {@code timer}, {@code message},
 *     {@code due}</td><td>REST resources, and what acts without a request: the job worker and the timer poller (on
 *     the one claim loop of {@code due}), the message buffer sweep; they call operations</td></tr>
 * <tr><td>Operations</td><td>{@code operation}</td><td>one transaction per operation on an instance
 *     ({@code InstanceTransaction}) and the operations grouped by what they serve; they answer with a value,
 *     done or refused</td></tr>
 * <tr><td>Rollout</td><td>{@code rollout}</td><td>migration on load, the sweep, the preview</td></tr>
 * <tr><td>Persistence</td><td>{@code persistence}</td><td>the statements and rows</td></tr>
 * <tr><td>Catalog</td><td>{@code catalog}</td><td>what this image ships: the deployed processes and the
 *     migration chains</td></tr>
 * <tr><td>Engine</td><td>{@code execution}, {@code definition}, {@code state}</td><td>the pure engine: no CDI,
 *     no Vert.x, no Mutiny, no persistence</td></tr>
 * </table>
 *
 * Packages outside these layers ({@code problem}, {@code input}, {@code config}, {@code service}, {@code expression},
 * {@code migration}, {@code plan}, {@code embedded}) are libraries any layer may use; the cycle rule keeps them
 * from using the layers back.
 */
final class FerryArchitecture {

    static final String RESOURCES = "Resources and drivers";
    static final String OPERATIONS = "Operations";
    static final String ROLLOUT = "Rollout";
    static final String PERSISTENCE = "Persistence";
    static final String CATALOG = "Catalog";
    static final String ENGINE = "Engine";

    private FerryArchitecture() {
    }

    /** No two top-level packages below the root use each other, directly or round a circle. */
    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("package '$1'").should().beFreeOfCycles();
    }

    /** Every arrow points down the layers: a layer is used only by the layers above it. */
    static ArchRule arrowsPointDown(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer(RESOURCES).definedBy(packages(root, "api", "http", "job", "timer", "message", "due"))
                .layer(OPERATIONS).definedBy(packages(root, "operation"))
                .layer(ROLLOUT).definedBy(packages(root, "rollout"))
                .layer(PERSISTENCE).definedBy(packages(root, "persistence"))
                .layer(CATALOG).definedBy(packages(root, "catalog"))
                .layer(ENGINE).definedBy(packages(root, "execution", "definition", "state"))
                .whereLayer(RESOURCES).mayNotBeAccessedByAnyLayer()
                .whereLayer(OPERATIONS).mayOnlyBeAccessedByLayers(RESOURCES)
                .whereLayer(ROLLOUT).mayOnlyBeAccessedByLayers(RESOURCES, OPERATIONS)
                .whereLayer(PERSISTENCE).mayOnlyBeAccessedByLayers(RESOURCES, OPERATIONS, ROLLOUT)
                .whereLayer(CATALOG).mayOnlyBeAccessedByLayers(RESOURCES, OPERATIONS, ROLLOUT)
                .whereLayer(ENGINE).mayOnlyBeAccessedByLayers(RESOURCES, OPERATIONS, ROLLOUT, PERSISTENCE, CATALOG);
    }

    /** The engine is plain Java over its model: a pure function from state and command to an outcome. */
    static ArchRule engineIsPlainJava(String root) {
        return noClasses().that().resideInAnyPackage(packages(root, "execution", "definition", "state"))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..",
                        "jakarta.persistence..", "io.quarkus..", "io.vertx..", "io.smallrye.mutiny..", "org.hibernate..",
                        root + ".persistence..", root + ".rollout..", root + ".operation..")
                .as("the engine (" + root + ".execution, .definition, .state) depends on no CDI, no Vert.x or Mutiny "
                        + "and no persistence");
    }

    /** No operation uses another that uses it back: the beans of the operations layer form no knot. */
    static ArchRule operationsFormNoKnot(String root) {
        String operations = root + ".operation";
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                if (!javaClass.getPackageName().equals(operations)) {
                    return SliceIdentifier.ignore();
                }
                // A nested record (a Step, a Stored result) belongs to the class it is declared in.
                String name = javaClass.getName().substring(operations.length() + 1);
                int nested = name.indexOf('$');
                return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
            }

            @Override
            public String getDescription() {
                return "the classes of " + operations;
            }
        }).should().beFreeOfCycles();
    }

    private static String[] packages(String root, String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = root + "." + names[i] + "..";
        }
        return packages;
    }
}
