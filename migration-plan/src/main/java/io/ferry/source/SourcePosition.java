package io.ferry.source;

/**
 * Where something stands in a file a person wrote, as editors count: both numbers start at 1.
 * {@link #UNKNOWN} (0, 0) is for plans built in code rather than read from a file.
 */
public record SourcePosition(int line, int column) {

    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    public boolean known() {
        return line > 0;
    }
}
