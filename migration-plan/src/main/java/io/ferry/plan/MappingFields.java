package io.ferry.plan;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the fields of one mapping of a plan file strictly: unknown fields, wrong types, missing
 * and empty values each become a problem at their line and column, and reading goes on.
 */
final class MappingFields {

    private final PlanTree.Mapping mapping;
    private final String path;
    private final String file;
    private final Problems problems;

    /**
     * @param path how the mapping is named in messages: "" for the plan itself, "variables" for a field
     * @param allowed the fields this mapping may have, in the order the messages list them
     */
    MappingFields(PlanTree.Mapping mapping, String path, List<String> allowed, String file, Problems problems) {
        this.mapping = mapping;
        this.path = path;
        this.file = file;
        this.problems = problems;
        String where = path.isEmpty() ? "the plan" : "'" + path + "'";
        mapping.entries().stream()
                .filter(entry -> !allowed.contains(entry.key()))
                .forEach(entry -> problems.add(file, entry.keyPosition(),
                        PlanReader.UNKNOWN_FIELD.formatted(entry.key(), where, String.join(", ", allowed))));
    }

    Optional<PlanTree.Entry> entry(String name) {
        return mapping.entry(name);
    }

    /** A text that must be there and not be empty (ids); null after reporting a problem. */
    String requiredText(String name, String hint) {
        return required(name, hint, PlanTree.Scalar::isText, "a text");
    }

    /** A version: a text, or a number as written ({@code from: 2} is what analysts type in YAML). */
    String requiredVersion(String name, String hint) {
        return required(name, hint, scalar -> scalar.isText() || scalar.isNumber(), "a version such as \"2\"");
    }

    /** A free text that may be absent or empty; null when absent or after reporting a problem. */
    String optionalText(String name) {
        Optional<PlanTree.Entry> entry = entry(name);
        if (entry.isEmpty() || entry.get().value() instanceof PlanTree.Scalar scalar && scalar.isNull()) {
            return null;
        }
        return text(entry.get().value(), qualified(name), "a text");
    }

    /** A nested mapping that may be absent (or written with no value). */
    Optional<PlanTree.Mapping> optionalMapping(String name, String expected) {
        return optionalNested(name, PlanTree.Mapping.class, expected);
    }

    /** A nested mapping that must be there. */
    Optional<PlanTree.Mapping> requiredMapping(String name, String hint, String expected) {
        Optional<PlanTree.Entry> entry = entry(name);
        if (entry.isEmpty()) {
            problems.add(file, mapping.position(), PlanReader.MISSING.formatted(qualified(name), hint));
        } else if (entry.get().value() instanceof PlanTree.Scalar scalar && scalar.isNull()) {
            problems.add(file, scalar.position(), PlanReader.EMPTY.formatted(qualified(name), hint));
        }
        return optionalMapping(name, expected);
    }

    /** A nested list that may be absent (or written with no value). */
    Optional<PlanTree.Sequence> optionalSequence(String name, String expected) {
        return optionalNested(name, PlanTree.Sequence.class, expected);
    }

    private <T extends PlanTree> Optional<T> optionalNested(String name, Class<T> kind, String expected) {
        Optional<PlanTree> value = entry(name).map(PlanTree.Entry::value);
        if (value.isEmpty() || value.get() instanceof PlanTree.Scalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        if (!kind.isInstance(value.get())) {
            return wrongType(value.get(), qualified(name), expected);
        }
        return Optional.of(kind.cast(value.get()));
    }

    /** The text of a scalar value, or null after reporting that it is something else. */
    String text(PlanTree value, String name, String expected) {
        if (value instanceof PlanTree.Scalar scalar && scalar.isText()) {
            return scalar.text();
        }
        wrongType(value, name, expected);
        return null;
    }

    /** An id-like text that must not be empty; null after reporting a problem. */
    String nonEmptyText(PlanTree value, String name, String hint) {
        String text = text(value, name, "a text");
        if (text != null && text.isBlank()) {
            problems.add(file, value.position(), PlanReader.EMPTY.formatted(name, hint));
            return null;
        }
        return text;
    }

    /** The key of an entry, or null after reporting that it is empty. */
    String nonEmptyKey(PlanTree.Entry entry, String name, String hint) {
        if (entry.key().isBlank()) {
            problems.add(file, entry.keyPosition(), PlanReader.EMPTY_KEY.formatted(name, hint));
            return null;
        }
        return entry.key();
    }

    String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String required(String name, String hint, Predicate<PlanTree.Scalar> accepted, String expected) {
        Optional<PlanTree.Entry> entry = entry(name);
        if (entry.isEmpty()) {
            problems.add(file, mapping.position(), PlanReader.MISSING.formatted(qualified(name), hint));
            return null;
        }
        PlanTree value = entry.get().value();
        if (!(value instanceof PlanTree.Scalar scalar) || !scalar.isNull() && !accepted.test(scalar)) {
            wrongType(value, qualified(name), expected);
            return null;
        }
        if (scalar.isNull() || scalar.text().isBlank()) {
            problems.add(file, value.position(), PlanReader.EMPTY.formatted(qualified(name), hint));
            return null;
        }
        return scalar.text();
    }

    private <T> Optional<T> wrongType(PlanTree value, String name, String expected) {
        problems.add(file, value.position(), PlanReader.WRONG_TYPE.formatted(name, expected, value.kindName()));
        return Optional.empty();
    }
}
