package io.ferry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.ferry.execution.ProcessEngine;
import io.ferry.operation.InstanceTransaction;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The runtime keeps the shape {@link FerryArchitecture} describes: its packages form no cycle, every arrow points
 * down the layers (resources and drivers, operations, then rollout, persistence, catalog and the engine), the engine
 * is plain Java, and no two operations use each other. A change that breaks one fails the build naming the classes.
 *
 * <p>The cycle rule reads this module's classes only: the migration-plan module's analysts' tool ({@code plan.cli})
 * sits inside {@code plan} and uses {@code migration} and {@code release}, which use {@code plan}, so over the
 * whole of {@code io.ferry} the rule finds those two cycles until the tool gets a top-level package of its own.
 */
class ArchitectureTest {

    private static final String FERRY = "io.ferry";
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(FERRY);
    /** The classes of this module (the runtime), without the migration-plan module it uses. */
    private static final JavaClasses RUNTIME_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Set.of(Location.of(ProcessEngine.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void packagesFormNoCycle() {
        assertThat(RUNTIME_CLASSES.contain(ProcessEngine.class) && RUNTIME_CLASSES.contain(InstanceTransaction.class))
                .as("the runtime's classes are read").isTrue();
        FerryArchitecture.packagesFreeOfCycles(FERRY).check(RUNTIME_CLASSES);
    }

    @Test
    void arrowsPointDownTheLayers() {
        FerryArchitecture.arrowsPointDown(FERRY).check(MAIN_CLASSES);
    }

    @Test
    void theEngineIsPlainJava() {
        FerryArchitecture.engineIsPlainJava(FERRY).check(MAIN_CLASSES);
    }

    @Test
    void operationsFormNoKnot() {
        FerryArchitecture.operationsFormNoKnot(FERRY).check(MAIN_CLASSES);
    }
}
