package io.ferry.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.catalog.CatalogRecorder;
import io.ferry.catalog.PlanSummary;
import io.ferry.catalog.ShippedMigrations;
import io.ferry.config.FerryBuildTimeConfig;
import io.ferry.plan.PlanProblem;
import io.ferry.release.DefinitionLock;
import io.ferry.release.PlanFilesCheck;
import io.ferry.release.ReleaseFile;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time half of migration: finds the plan files, reads and checks them against the current
 * definitions (every problem reported together), composes them into direct chains and records the
 * result, so that migrating an instance at run time is nothing but lookups.
 */
class MigrationProcessor {

    /** Plans from the project's plans directory (the reference application's {@code plans/}). */
    @BuildStep
    void discoverProjectPlans(OutputTargetBuildItem output, FerryBuildTimeConfig config,
            BuildProducer<PlanFileBuildItem> plans, BuildProducer<HotDeploymentWatchedFileBuildItem> watched) {
        Path directory = output.getOutputDirectory().toAbsolutePath().getParent().resolve(config.plansLocation());
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(MigrationProcessor::isPlan).sorted().forEach(file -> {
                plans.produce(new PlanFileBuildItem(config.plansLocation() + "/" + file.getFileName(), read(file)));
                watched.produce(new HotDeploymentWatchedFileBuildItem(file.toString(), true));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the plans in " + directory, e);
        }
    }

    /** Plans on the application's classpath, in the folder of the same name. */
    @BuildStep
    void discoverClasspathPlans(ApplicationArchivesBuildItem archives, FerryBuildTimeConfig config,
            BuildProducer<PlanFileBuildItem> plans) {
        String folder = config.plansLocation().replaceAll("^/+|/+$", "");
        archives.getRootArchive().accept(tree -> tree.walkIfContains(folder, visit -> {
            String resource = visit.getRelativePath("/");
            if (resource.startsWith(folder + "/") && isPlan(visit.getPath())) {
                plans.produce(new PlanFileBuildItem(resource, read(visit.getPath())));
            }
        }));
    }

    @BuildStep
    MigrationChainsBuildItem checkAndCompose(List<PlanFileBuildItem> files, ProcessDefinitionsBuildItem definitions,
            FerryBuildTimeConfig config) {
        // The analysts' tool runs the same check (ferry-plan validate), so both print the same messages.
        PlanFilesCheck.Result checked = PlanFilesCheck.check(files.stream()
                .map(file -> new ReleaseFile(file.name(), file.content().getBytes(StandardCharsets.UTF_8))).toList(),
                definitions.definitions());
        if (!checked.problems().isEmpty()) {
            throw FerryBuildException.reported(PlanFilesCheck.SUBJECT, checked.problems().stream().map(PlanProblem::toString).toList(),
                    ReleaseSources.of(config).validate());
        }
        return new MigrationChainsBuildItem(checked.plans(), checked.chains());
    }

    /**
     * A definition that changed where instances wait but kept its version would strand them: the lock
     * file ({@code ferry-plan lock}) in the plans directory says what each version looked like.
     */
    @BuildStep
    void checkDefinitionLock(OutputTargetBuildItem output, FerryBuildTimeConfig config, ProcessDefinitionsBuildItem definitions,
            BuildProducer<HotDeploymentWatchedFileBuildItem> watched) {
        Path file = output.getOutputDirectory().toAbsolutePath().getParent().resolve(config.plansLocation())
                .resolve(DefinitionLock.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        watched.produce(new HotDeploymentWatchedFileBuildItem(file.toString(), true));
        String name = config.plansLocation() + "/" + DefinitionLock.FILE_NAME;
        ReleaseSources sources = ReleaseSources.of(config);
        DefinitionLock.Read read = DefinitionLock.read(name, read(file).getBytes(StandardCharsets.UTF_8), sources.relock());
        List<String> problems = read instanceof DefinitionLock.Read.Locked locked
                ? locked.lock().problems(definitions.definitions(), name, sources.relock())
                : List.of(((DefinitionLock.Read.Malformed) read).problem());
        if (!problems.isEmpty()) {
            throw FerryBuildException.reported(DefinitionLock.SUBJECT, problems, sources.checkLock());
        }
    }

    @BuildStep
    void recordChains(MigrationChainsBuildItem migrations, BuildProducer<GeneratedResourceBuildItem> generated,
            BuildProducer<NativeImageResourceBuildItem> nativeResources) {
        ShippedMigrations shipped = new ShippedMigrations(
                migrations.plans().stream().map(PlanSummary::of).toList(), migrations.chains());
        try {
            generated.produce(new GeneratedResourceBuildItem(ShippedMigrations.RESOURCE,
                    new ObjectMapper().writeValueAsBytes(shipped)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the migration chains", e);
        }
        nativeResources.produce(new NativeImageResourceBuildItem(ShippedMigrations.RESOURCE));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem shippedMigrations(CatalogRecorder recorder, CatalogLoadingBuildItem loading,
            MigrationChainsBuildItem migrations) {
        return SyntheticBeanBuildItem.configure(ShippedMigrations.class)
                .scope(Singleton.class)
                .setRuntimeInit()
                .unremovable()
                .supplier(recorder.shippedMigrations(loading.loading()))
                .done();
    }

    private static boolean isPlan(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && PlanFilesCheck.PLAN_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
