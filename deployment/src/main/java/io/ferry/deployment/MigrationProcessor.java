package io.ferry.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.catalog.CatalogRecorder;
import io.ferry.config.FerryBuildTimeConfig;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.PlanChecker;
import io.ferry.plan.PlanProblem;
import io.ferry.plan.PlanReadResult;
import io.ferry.plan.PlanReader;
import io.ferry.rollout.PlanSummary;
import io.ferry.rollout.ShippedMigrations;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time half of migration: finds the plan files, reads and checks them against the current
 * definitions (every problem reported together), composes them into direct chains and records the
 * result, so that migrating an instance at run time is nothing but lookups.
 */
class MigrationProcessor {

    private static final List<String> PLAN_SUFFIXES = List.of(".yaml", ".yml", ".json", ".mpf");

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
    MigrationChainsBuildItem checkAndCompose(List<PlanFileBuildItem> files, ProcessDefinitionsBuildItem definitions) {
        List<PlanProblem> problems = new ArrayList<>();
        List<MigrationPlan> plans = new ArrayList<>();
        files.stream().sorted(Comparator.comparing(PlanFileBuildItem::name)).forEach(file -> {
            PlanReadResult result = PlanReader.read(file.name(), file.content());
            if (result instanceof PlanReadResult.Read read) {
                plans.add(read.plan());
            } else {
                problems.addAll(((PlanReadResult.Invalid) result).problems());
            }
        });
        List<String> unreadable = problems.stream().map(PlanProblem::file).distinct().toList();
        problems.addAll(PlanChecker.check(plans, definitions.definitions(), unreadable));
        problems.sort(Comparator.comparing(PlanProblem::file).thenComparingInt(PlanProblem::line)
                .thenComparingInt(PlanProblem::column));
        if (!problems.isEmpty()) {
            throw new FerryBuildException("the migration plans", problems.stream().map(PlanProblem::toString).toList());
        }
        return new MigrationChainsBuildItem(plans, MigrationChains.compose(plans, definitions.definitions()));
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
    SyntheticBeanBuildItem shippedMigrations(CatalogRecorder recorder, MigrationChainsBuildItem migrations) {
        return SyntheticBeanBuildItem.configure(ShippedMigrations.class)
                .scope(Singleton.class)
                .setRuntimeInit()
                .unremovable()
                .supplier(recorder.shippedMigrations())
                .done();
    }

    private static boolean isPlan(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && PLAN_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
