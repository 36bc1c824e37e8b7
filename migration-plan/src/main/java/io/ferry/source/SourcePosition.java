package io.ferry.source;

import java.util.Comparator;

/**
 * Where something stands in a file a person wrote, as editors count: both numbers start at 1.
 * {@link #UNKNOWN} (0, 0) is for plans built in code rather than read from a file.
 */
public record SourcePosition(int line, int column) implements Comparable<SourcePosition> {

    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    private static final Comparator<SourcePosition> READING_ORDER =
            Comparator.comparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);

    public boolean known() {
        return line > 0;
    }

    /** Line by line, then left to right, as a person reads the file. */
    @Override
    public int compareTo(SourcePosition other) {
        return READING_ORDER.compare(this, other);
    }
}
