package io.ferry.release;

import io.ferry.bpmn.BpmnReadResult;
import io.ferry.bpmn.BpmnReader;
import io.ferry.bpmn.HandlerCall;
import io.ferry.definition.ProcessDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every BPMN file of a release and checks what spans files: one definition per process id. */
public final class ProcessFilesCheck {

    /** How reports name what was checked: "Ferry found 2 problems in the process definitions". */
    public static final String SUBJECT = "the process definitions";
    /** The names BPMN files go by, as modelers save them. */
    public static final List<String> BPMN_SUFFIXES = List.of(".bpmn", ".bpmn2", ".bpmn20.xml");
    public static final String DUPLICATE_PROCESS = "%s: process '%s' is also defined in %s; an image holds exactly one "
            + "version of each process (older versions live on as migration plans)";

    private ProcessFilesCheck() {
    }

    /**
     * The definitions of the files without problems, and every problem of every file, files in name order.
     *
     * @param problems BPMN problems as {@code file:line:column [element] message}, then the duplicate process ids
     * @param handlerCalls the nodes of the definitions that call a handler, for the checks that need the code
     */
    public record Result(List<ProcessDefinition> definitions, List<String> problems, List<HandlerCall> handlerCalls) {

        public Result {
            definitions = List.copyOf(definitions);
            problems = List.copyOf(problems);
            handlerCalls = List.copyOf(handlerCalls);
        }
    }

    public static Result check(List<ReleaseFile> bpmnFiles) {
        List<String> problems = new ArrayList<>();
        List<ProcessDefinition> definitions = new ArrayList<>();
        List<HandlerCall> handlerCalls = new ArrayList<>();
        bpmnFiles.stream().sorted(Comparator.comparing(ReleaseFile::name)).forEach(file -> {
            BpmnReadResult result = BpmnReader.read(file.name(), file.content());
            result.problems().forEach(problem -> problems.add(problem.toString()));
            definitions.addAll(result.definitions());
            handlerCalls.addAll(result.handlerCalls());
        });
        problems.addAll(duplicateProcessIds(definitions));
        return new Result(definitions, problems, handlerCalls);
    }

    static List<String> duplicateProcessIds(List<ProcessDefinition> definitions) {
        Map<String, ProcessDefinition> first = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            ProcessDefinition earlier = first.putIfAbsent(definition.id(), definition);
            if (earlier != null) {
                problems.add(DUPLICATE_PROCESS.formatted(definition.resource(), definition.id(), earlier.resource()));
            }
        }
        return problems;
    }
}
