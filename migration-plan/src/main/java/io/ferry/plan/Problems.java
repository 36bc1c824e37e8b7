package io.ferry.plan;

import io.ferry.source.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one pass over plan files, so all of them are reported together. */
final class Problems {

    private static final Comparator<PlanProblem> FILE_ORDER = Comparator.comparing(PlanProblem::file)
            .thenComparingInt(PlanProblem::line)
            .thenComparingInt(PlanProblem::column);

    private final List<PlanProblem> problems = new ArrayList<>();

    void add(String file, SourcePosition position, String message) {
        problems.add(PlanProblem.at(file, position, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In file, line and column order, as a person reads them. */
    List<PlanProblem> sorted() {
        return problems.stream().sorted(FILE_ORDER).toList();
    }
}
