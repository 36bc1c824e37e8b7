package io.ferry.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.catalog.CatalogRecorder;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.config.FerryBuildTimeConfig;
import io.ferry.embedded.EmbeddedPostgresConfigBuilder;
import io.ferry.persistence.CachingPoolCreator;
import io.ferry.release.ProcessFilesCheck;
import io.ferry.release.ReleaseFile;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.ApplicationArchive;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time half of Ferry: finds the application's BPMN files, parses and checks them all
 * (reporting every problem together), records the executable model for the runtime, and wires the
 * embedded database.
 */
class FerryProcessor {

    private static final String FEATURE = "ferry";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The runtime jar holds beans, REST resources and entities: index it like application code. */
    @BuildStep
    IndexDependencyBuildItem indexRuntime() {
        return new IndexDependencyBuildItem("io.ferry", "ferry");
    }

    @BuildStep
    void discoverProcesses(ApplicationArchivesBuildItem archives, FerryBuildTimeConfig config,
            BuildProducer<BpmnFileBuildItem> files, BuildProducer<HotDeploymentWatchedFileBuildItem> watched) {
        String folder = config.processesLocation().replaceAll("^/+|/+$", "");
        ApplicationArchive root = archives.getRootArchive();
        root.accept(tree -> tree.walkIfContains(folder, visit -> {
            String resource = visit.getRelativePath("/");
            if (resource.startsWith(folder + "/") && isBpmn(resource)) {
                files.produce(new BpmnFileBuildItem(resource, read(visit.getPath())));
            }
        }));
        watched.produce(HotDeploymentWatchedFileBuildItem.builder()
                .setLocationPredicate(path -> path.startsWith(folder + "/") && isBpmn(path))
                .build());
    }

    @BuildStep
    void readProcesses(List<BpmnFileBuildItem> files, FerryBuildTimeConfig config, BuildProducer<ProcessDefinitionsBuildItem> definitions,
            BuildProducer<HandlerCallsBuildItem> handlerCalls) {
        // The analysts' tool runs the same check (ferry-plan validate); only the handler beans need the build.
        ProcessFilesCheck.Result read = ProcessFilesCheck.check(
                files.stream().map(file -> new ReleaseFile(file.resource(), file.content())).toList());
        if (!read.problems().isEmpty()) {
            throw FerryBuildException.reported(ProcessFilesCheck.SUBJECT, read.problems(), ReleaseSources.of(config).validate());
        }
        definitions.produce(new ProcessDefinitionsBuildItem(read.definitions()));
        handlerCalls.produce(new HandlerCallsBuildItem(read.handlerCalls()));
    }

    /**
     * Each handler the BPMN calls resolves to exactly one bean among those the container built, as the workers look it
     * up at run time; every problem is reported together, with the BPMN file and line and the classes concerned.
     */
    @BuildStep
    void checkHandlerBeans(ValidationPhaseBuildItem validation, HandlerCallsBuildItem handlerCalls, CombinedIndexBuildItem index,
            BuildProducer<ValidationErrorBuildItem> errors) {
        List<String> problems = new HandlerBeans(validation.getBeanResolver(), validation.getContext(), index.getIndex())
                .problems(handlerCalls.calls());
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new FerryBuildException(HandlerBeans.SUBJECT, problems)));
        }
    }

    @BuildStep
    void recordModel(ProcessDefinitionsBuildItem definitions, List<BpmnFileBuildItem> files,
            BuildProducer<GeneratedResourceBuildItem> generated, BuildProducer<NativeImageResourceBuildItem> nativeResources) {
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(definitions.definitions());
            generated.produce(new GeneratedResourceBuildItem(DeployedProcesses.RESOURCE, json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the process model", e);
        }
        List<String> resources = new ArrayList<>(List.of(DeployedProcesses.RESOURCE));
        files.forEach(file -> resources.add(file.resource()));
        nativeResources.produce(new NativeImageResourceBuildItem(resources));
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    CatalogLoadingBuildItem startLoadingCatalog(CatalogRecorder recorder) {
        return new CatalogLoadingBuildItem(recorder.startLoading());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem catalog(CatalogRecorder recorder, CatalogLoadingBuildItem loading,
            ProcessDefinitionsBuildItem definitions) {
        // Built at start, not on first use: a pod reported ready must not stall its first request (and
        // the event loop) while the model, its conditions and the migration routes are made.
        return SyntheticBeanBuildItem.configure(DeployedProcesses.class)
                .scope(Singleton.class)
                .setRuntimeInit()
                .startup()
                .unremovable()
                .supplier(recorder.deployedProcesses(loading.loading()))
                .done();
    }

    /** Starts an embedded PostgreSQL at run time when no datasource URL is configured (see the config builder). */
    @BuildStep
    RunTimeConfigBuilderBuildItem embeddedPostgres() {
        return new RunTimeConfigBuilderBuildItem(EmbeddedPostgresConfigBuilder.class);
    }

    /** Handlers are looked up by name at run time, so the container must not remove them as unused. */
    @BuildStep
    UnremovableBeanBuildItem keepHandlers() {
        return UnremovableBeanBuildItem.beanTypes(ServiceTaskHandler.class);
    }

    /**
     * Ferry's statements are few and run on every operation: caching them prepared saves PostgreSQL a parse and
     * a plan each time (see {@link CachingPoolCreator}, which the pool recorder looks up by type). A default:
     * operators behind PgBouncer in transaction mode set it to false.
     */
    @BuildStep
    void cachePreparedStatements(BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults,
            BuildProducer<UnremovableBeanBuildItem> unremovable) {
        defaults.produce(new RunTimeConfigurationDefaultBuildItem("quarkus.datasource.reactive.cache-prepared-statements", "true"));
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(PgPoolCreator.class));
    }

    private static boolean isBpmn(String resource) {
        return ProcessFilesCheck.BPMN_SUFFIXES.stream().anyMatch(resource::endsWith);
    }

    private static byte[] read(java.nio.file.Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
