package io.ferry.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lock file ({@code plans/ferry-plan.lock}): for each process, the version and a hash of what
 * its running instances depend on — the nodes where they can wait, with kind and scope. A
 * definition whose version stayed but whose hash changed would strand instances of that version
 * without a plan to say where they go, so the build refuses it ("bump the version and add a plan").
 * {@code ferry-plan lock} writes the file; a changed version only makes it out of date, which is no
 * problem.
 *
 * @param processes one entry per process, by id
 */
public record DefinitionLock(@JsonProperty("comment") String comment, @JsonProperty("processes") List<Entry> processes) {

    /** Where the lock lives, in the plans folder (its name is not a plan file's). */
    public static final String FILE_NAME = "ferry-plan.lock";
    public static final String SUBJECT = "the definition lock";
    static final String COMMENT = "Written by ferry-plan lock: what running instances depend on in each process version. "
            + "The build fails when this changes but the version does not. Commit it with the BPMN.";
    public static final String CHANGED_WITHOUT_VERSION =
            "%s: process '%s' is still version %s, but what its running instances depend on changed since %s recorded it (%s): "
            + "bump the version and add a plan from version %s; if no instance of version %s runs anywhere yet, run %s";
    public static final String MALFORMED = "%s:%d:%d: not a lock file ferry-plan lock writes: %s; write it again with %s";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param dependsOn the wait states, one line each ({@code reviewOrder userTask}, {@code shipOrder userTask in shipping})
     * @param hash SHA-256 of those lines
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(@JsonProperty("process") String process, @JsonProperty("version") String version,
            @JsonProperty("hash") String hash, @JsonProperty("dependsOn") List<String> dependsOn) {
    }

    public DefinitionLock {
        processes = List.copyOf(processes);
    }

    /** The lock of these definitions, processes in id order. */
    public static DefinitionLock of(List<ProcessDefinition> definitions) {
        return new DefinitionLock(COMMENT, definitions.stream()
                .sorted(Comparator.comparing(ProcessDefinition::id))
                .map(DefinitionLock::entry)
                .toList());
    }

    static Entry entry(ProcessDefinition definition) {
        List<String> lines = definition.nodes().stream()
                .filter(node -> node.kind().stateHeld() != NodeKind.StateHeld.NONE || node.kind() == NodeKind.BOUNDARY_TIMER_EVENT)
                .map(DefinitionLock::line)
                .sorted()
                .toList();
        return new Entry(definition.id(), definition.version(), hash(lines), lines);
    }

    private static String line(Node node) {
        StringBuilder line = new StringBuilder(node.id()).append(' ').append(node.kind().bpmnElement());
        if (node.details() instanceof NodeDetails.BoundaryTimer boundary) {
            line.append(" on ").append(boundary.attachedToId());
        }
        if (node.scopeId() != null) {
            line.append(" in ").append(node.scopeId());
        }
        return line.toString();
    }

    private static String hash(List<String> lines) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** What a lock file says, or the one line saying why it cannot be read. */
    public sealed interface Read {
        record Locked(DefinitionLock lock) implements Read {
        }

        record Malformed(String problem) implements Read {
        }
    }

    /** @param relock the command that writes the file again, for the message */
    public static Read read(String fileName, byte[] content, String relock) {
        try {
            DefinitionLock lock = JSON.readValue(content, DefinitionLock.class);
            if (lock == null || lock.processes() == null) {
                return new Read.Malformed(MALFORMED.formatted(fileName, 1, 1, "it has no processes", relock));
            }
            return new Read.Locked(lock);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            return new Read.Malformed(MALFORMED.formatted(fileName, location == null ? 1 : location.getLineNr(),
                    location == null ? 1 : location.getColumnNr(), e.getOriginalMessage(), relock));
        } catch (java.io.IOException e) {
            return new Read.Malformed(MALFORMED.formatted(fileName, 1, 1, e.getMessage(), relock));
        }
    }

    public String write() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A lock always serializes", e);
        }
    }

    /**
     * Every definition whose version is the locked one but whose wait states are not: the build's check.
     *
     * @param lockFile how messages name the lock file
     * @param relock the command that records a changed definition under its version ({@link ToolCommand#lock})
     */
    public List<String> problems(List<ProcessDefinition> definitions, String lockFile, String relock) {
        Map<String, Entry> locked = processes.stream()
                .collect(Collectors.toMap(Entry::process, Function.identity(), (first, second) -> first));
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            Entry before = locked.get(definition.id());
            Entry now = entry(definition);
            if (before != null && before.version().equals(now.version()) && !now.hash().equals(before.hash())) {
                problems.add(CHANGED_WITHOUT_VERSION.formatted(definition.resource(), definition.id(), now.version(), lockFile,
                        difference(before, now), now.version(), now.version(), relock));
            }
        }
        return problems;
    }

    /** The processes whose version differs from the locked one, or that the lock does not have: the file is out of date. */
    public List<String> outOfDate(List<ProcessDefinition> definitions) {
        Map<String, Entry> locked = processes.stream()
                .collect(Collectors.toMap(Entry::process, Function.identity(), (first, second) -> first));
        return definitions.stream()
                .filter(definition -> Optional.ofNullable(locked.get(definition.id()))
                        .map(entry -> !entry.version().equals(definition.version())).orElse(true))
                .map(definition -> definition.id() + " version " + definition.version())
                .toList();
    }

    private static String difference(Entry before, Entry now) {
        Set<String> gone = new LinkedHashSet<>(before.dependsOn() == null ? List.of() : before.dependsOn());
        gone.removeAll(now.dependsOn());
        Set<String> added = new LinkedHashSet<>(now.dependsOn());
        added.removeAll(before.dependsOn() == null ? List.of() : before.dependsOn());
        List<String> parts = new ArrayList<>();
        if (!gone.isEmpty()) {
            parts.add("gone: " + String.join(", ", gone));
        }
        if (!added.isEmpty()) {
            parts.add("new: " + String.join(", ", added));
        }
        return parts.isEmpty() ? "the hash differs" : String.join("; ", parts);
    }
}
