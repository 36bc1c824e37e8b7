package io.ferry.plan.cli;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.SequenceFlow;
import io.ferry.expression.Condition;
import io.ferry.expression.InvalidConditionException;
import io.ferry.plan.PlanReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A first plan between two versions of a process, for a person to finish. Every node where an
 * instance of the old version can wait (a user task, a timer, a joining gateway, a sub-process, a
 * boundary timer) that keeps its id and kind maps implicitly and is not listed. For each of the
 * others it proposes the node of the new version that fits best by kind, name and place in the
 * flow, with its reasons and a confidence as a comment; when nothing fits clearly it writes
 * {@code TODO}, which every check refuses until someone decides.
 */
final class PlanDraft {

    /** How the drafted plan's own comment names it when it is printed rather than written to a file. */
    static final String THIS_FILE = "THIS_FILE.yaml";
    static final String NOTHING_TO_MIGRATE = "version %s keeps every node where an instance of version %s can wait, "
            + "under the same id and kind: instances move without any node mapping";
    private static final double PROPOSE_AT = 0.35;
    private static final double CLEAR_LEAD = 0.1;
    private static final Pattern PLAIN_YAML = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    /** What was decided for one wait state of the old version the new one lacks. */
    record Decision(Node old, Optional<Node> target, List<String> reasons, String confidence, List<Node> candidates) {
    }

    private final ProcessDefinition older;
    private final ProcessDefinition newer;
    private final Map<String, String> decidedScopes = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();

    private PlanDraft(ProcessDefinition older, ProcessDefinition newer) {
        this.older = older;
        this.newer = newer;
        older.nodes().stream().filter(PlanDraft::holdsState)
                .sorted(Comparator.comparingInt(this::depth))
                .forEach(this::decide);
    }

    static PlanDraft between(ProcessDefinition older, ProcessDefinition newer) {
        return new PlanDraft(older, newer);
    }

    List<Decision> decisions() {
        return decisions;
    }

    long undecided() {
        return decisions.stream().filter(decision -> decision.target().isEmpty()).count();
    }

    /**
     * The plan as YAML, its comments saying why each line is there.
     *
     * @param validate the command that checks the plan, for the comment that says what to do next
     */
    String yaml(String olderFile, String newerFile, String validate) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Drafted by ferry-plan from ").append(olderFile).append(" (version ").append(older.version())
                .append(") and ").append(newerFile).append(" (version ").append(newer.version()).append(").\n");
        yaml.append("# Check each proposal, decide each TODO, then: ").append(validate).append('\n');
        yaml.append("process: ").append(scalar(older.id())).append('\n');
        yaml.append("from: ").append(quoted(older.version())).append('\n');
        yaml.append("to: ").append(quoted(newer.version())).append('\n');
        if (decisions.isEmpty()) {
            yaml.append("# ").append(NOTHING_TO_MIGRATE.formatted(newer.version(), older.version())).append('\n');
        } else {
            yaml.append("# Nodes that kept their id and kind map to themselves and are not listed.\n");
            yaml.append("nodes:\n");
            decisions.forEach(decision -> node(yaml, decision));
        }
        variables(yaml);
        return yaml.toString();
    }

    private void node(StringBuilder yaml, Decision decision) {
        Node old = decision.old();
        String missing = newer.node(old.id()).isPresent()
                ? "%s is a %s in version %s, where it cannot hold what a %s holds".formatted(
                        NodeLabel.of(old), newer.node(old.id()).get().kind().bpmnElement(), newer.version(), old.kind().bpmnElement())
                : "%s, a %s, is not in version %s".formatted(NodeLabel.of(old), old.kind().bpmnElement(), newer.version());
        yaml.append("  # ").append(missing).append(".\n");
        if (decision.target().isPresent()) {
            Node target = decision.target().get();
            yaml.append("  # Proposed: ").append(NodeLabel.of(target)).append(", a ").append(target.kind().bpmnElement())
                    .append(": ").append(String.join("; ", decision.reasons())).append(". Confidence: ")
                    .append(decision.confidence()).append(".\n");
            yaml.append("  ").append(scalar(old.id())).append(": ").append(scalar(target.id())).append('\n');
        } else {
            String candidates = decision.candidates().isEmpty()
                    ? "version %s has no node that could hold it".formatted(newer.version())
                    : "candidates: " + decision.candidates().stream().map(NodeLabel::of).collect(Collectors.joining(", "));
            yaml.append("  # Nothing in version ").append(newer.version()).append(" clearly takes its place (")
                    .append(candidates).append("). Decide, and write that node's id instead of TODO.\n");
            yaml.append("  ").append(scalar(old.id())).append(": ").append(PlanReader.UNDECIDED).append('\n');
        }
    }

    /** Variables the conditions of one version read and the other's do not: perhaps renamed, or new. */
    private void variables(StringBuilder yaml) {
        Set<String> before = conditionVariables(older);
        Set<String> after = conditionVariables(newer);
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        if (gone.isEmpty() && added.isEmpty()) {
            return;
        }
        yaml.append("# Conditions changed the variables they read:");
        if (!gone.isEmpty()) {
            yaml.append(" version ").append(older.version()).append(" only reads ").append(String.join(", ", gone)).append(';');
        }
        if (!added.isEmpty()) {
            yaml.append(" version ").append(newer.version()).append(" only reads ").append(String.join(", ", added)).append(';');
        }
        yaml.setLength(yaml.length() - 1);
        yaml.append(".\n# If one was renamed, or a new one needs a value for running instances, say so here:\n");
        yaml.append("# variables:\n");
        if (gone.size() == 1 && added.size() == 1) {
            yaml.append("#   rename: {").append(gone.iterator().next()).append(": ").append(added.iterator().next()).append("}\n");
        } else {
            added.forEach(name -> yaml.append("#   defaults: {").append(name).append(": VALUE}\n"));
        }
    }

    private void decide(Node old) {
        String scope = expectedScope(old);
        Optional<Node> same = newer.node(old.id());
        if (same.isPresent() && fits(old, same.get()) && Objects.equals(same.get().scopeId(), scope)) {
            decidedScopes.put(old.id(), old.id());
            return;
        }
        List<Scored> ranked = newer.nodes().stream()
                .filter(candidate -> fits(old, candidate) && Objects.equals(candidate.scopeId(), scope))
                .map(candidate -> score(old, candidate))
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(scored -> scored.node().id()))
                .toList();
        boolean clear = !ranked.isEmpty() && ranked.get(0).score() >= PROPOSE_AT
                && (ranked.size() == 1 || ranked.get(0).score() - ranked.get(1).score() >= CLEAR_LEAD);
        if (clear) {
            Scored best = ranked.get(0);
            decidedScopes.put(old.id(), best.node().id());
            decisions.add(new Decision(old, Optional.of(best.node()), best.reasons(), confidence(best.score()), List.of()));
        } else {
            decisions.add(new Decision(old, Optional.empty(), List.of(), "none",
                    ranked.stream().limit(3).map(Scored::node).toList()));
        }
    }

    private record Scored(Node node, double score, List<String> reasons) {
    }

    private Scored score(Node old, Node candidate) {
        List<String> reasons = new ArrayList<>();
        double name = similarity(words(old.name()), words(candidate.name()));
        double id = similarity(words(old.id()), words(candidate.id()));
        double naming = Math.max(name, id);
        if (name == 1.0) {
            reasons.add("the same name");
        } else if (naming >= 0.3) {
            reasons.add("a similar " + (name >= id ? "name" : "id"));
        }
        double place = placeScore(old, candidate, reasons);
        double fresh = older.node(candidate.id()).isEmpty() ? 1.0 : 0.0;
        if (fresh == 0.0) {
            reasons.add("it is also in version " + older.version() + ", so instances would merge there");
        }
        return new Scored(candidate, 0.45 * naming + 0.45 * place + 0.1 * fresh, reasons);
    }

    /** How many of the node's neighbours in the flow (two steps either way) are the candidate's too. */
    private double placeScore(Node old, Node candidate, List<String> reasons) {
        if (old.kind() == NodeKind.BOUNDARY_TIMER_EVENT) {
            reasons.add("attached to " + NodeLabel.of(candidate.details(NodeDetails.BoundaryTimer.class).attachedToId(),
                    newer.node(candidate.details(NodeDetails.BoundaryTimer.class).attachedToId())));
            return 1.0;
        }
        Set<String> before = neighbours(older, old, true);
        Set<String> after = neighbours(older, old, false);
        Set<String> candidateBefore = neighbours(newer, candidate, true);
        Set<String> candidateAfter = neighbours(newer, candidate, false);
        Set<String> sharedBefore = intersection(before, candidateBefore);
        Set<String> sharedAfter = intersection(after, candidateAfter);
        if (!sharedBefore.isEmpty() || !sharedAfter.isEmpty()) {
            List<String> where = new ArrayList<>();
            if (!sharedBefore.isEmpty()) {
                where.add("after " + labels(sharedBefore));
            }
            if (!sharedAfter.isEmpty()) {
                where.add("before " + labels(sharedAfter));
            }
            reasons.add("the same place in the flow (" + String.join(", ", where) + ")");
        }
        double shared = sharedBefore.size() + sharedAfter.size();
        double all = union(before, candidateBefore).size() + union(after, candidateAfter).size();
        return all == 0 ? 0 : shared / all;
    }

    private String labels(Set<String> nodeIds) {
        return nodeIds.stream().map(id -> NodeLabel.of(id, newer.node(id))).collect(Collectors.joining(", "));
    }

    /** The nodes one and two sequence flows before (or after) the node. */
    private static Set<String> neighbours(ProcessDefinition definition, Node node, boolean before) {
        Set<String> found = new LinkedHashSet<>();
        for (String first : step(definition, node, before)) {
            found.add(first);
            definition.node(first).ifPresent(next -> found.addAll(step(definition, next, before)));
        }
        found.remove(node.id());
        return found;
    }

    private static List<String> step(ProcessDefinition definition, Node node, boolean before) {
        return (before ? node.incoming() : node.outgoing()).stream()
                .map(definition::flow).flatMap(Optional::stream)
                .map(flow -> before ? flow.sourceId() : flow.targetId())
                .toList();
    }

    private String expectedScope(Node old) {
        return old.scopeId() == null ? null : decidedScopes.getOrDefault(old.scopeId(), old.scopeId());
    }

    private int depth(Node node) {
        int depth = 0;
        for (String scope = node.scopeId(); scope != null; scope = older.node(scope).map(Node::scopeId).orElse(null)) {
            depth++;
        }
        return depth;
    }

    static boolean holdsState(Node node) {
        return node.kind().stateHeld() != NodeKind.StateHeld.NONE || node.kind() == NodeKind.BOUNDARY_TIMER_EVENT;
    }

    /** Whether what an instance keeps at the old node can be kept at the candidate (as the migration checks it). */
    private boolean fits(Node old, Node candidate) {
        if (old.kind() == NodeKind.BOUNDARY_TIMER_EVENT) {
            if (candidate.kind() != NodeKind.BOUNDARY_TIMER_EVENT) {
                return false;
            }
            String attachedTo = old.details(NodeDetails.BoundaryTimer.class).attachedToId();
            return candidate.details(NodeDetails.BoundaryTimer.class).attachedToId()
                    .equals(decidedScopes.getOrDefault(attachedTo, attachedTo));
        }
        return old.kind().stateHeld() == candidate.kind().stateHeld();
    }

    private static String confidence(double score) {
        return score >= 0.7 ? "high" : score >= 0.5 ? "medium" : "low";
    }

    private static Set<String> conditionVariables(ProcessDefinition definition) {
        Set<String> names = new TreeSet<>();
        for (SequenceFlow flow : definition.flows()) {
            if (flow.condition() != null) {
                try {
                    names.addAll(Condition.compile(flow.condition()).variableNames());
                } catch (InvalidConditionException e) {
                    // the reader already refused such a file; nothing to learn from it here
                }
            }
        }
        return names;
    }

    /** The words of a name or id: "Review order", "reviewOrder" and "review_order" all give review, order. */
    private static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Arrays.stream(spaced.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return (double) intersection(a, b).size() / union(a, b).size();
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String scalar(String text) {
        return PLAIN_YAML.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT)) ? text : quoted(text);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
