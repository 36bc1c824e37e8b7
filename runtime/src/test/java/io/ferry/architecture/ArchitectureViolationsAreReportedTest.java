package io.ferry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules {@link ArchitectureTest} checks the runtime with do fail: each is run, exactly as there, over a fixture
 * that breaks it on purpose ({@code fixture/}: a package cycle, an arrow back up, two operations that use each
 * other), and must report the fixture's classes.
 */
class ArchitectureViolationsAreReportedTest {

    private static final String FIXTURE = "io.ferry.architecture.fixture";

    @Test
    void aPackageCycleIsReported() {
        String root = FIXTURE + ".cycle";
        EvaluationResult result = FerryArchitecture.packagesFreeOfCycles(root).evaluate(classesBelow(root));

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .containsPattern("Cycle detected: package 'billing' ->\\s+package 'shipping' ->\\s+package 'billing'")
                .contains(root + ".billing.Invoice")
                .contains(root + ".shipping.Parcel");
    }

    @Test
    void anArrowPointingBackUpIsReported() {
        String root = FIXTURE + ".upward";
        EvaluationResult result = FerryArchitecture.arrowsPointDown(root).evaluate(classesBelow(root));

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(root + ".execution.Engine")
                .contains(root + ".operation.Starts");
    }

    @Test
    void twoOperationsThatUseEachOtherAreReported() {
        String root = FIXTURE + ".knot";
        EvaluationResult result = FerryArchitecture.operationsFormNoKnot(root).evaluate(classesBelow(root));

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(root + ".operation.Starts")
                .contains(root + ".operation.Correlation");
    }

    private static JavaClasses classesBelow(String root) {
        return new ClassFileImporter().importPackages(root);
    }
}
