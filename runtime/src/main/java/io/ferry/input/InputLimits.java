package io.ferry.input;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Every limit on what a client sends, in one place (the README's limits table lists them).
 * Lengths count characters (Unicode code points). 256 characters are at most 1024 bytes in UTF-8,
 * so even the two-column key {@code (process_id, idempotency_key)} stays under PostgreSQL's B-tree
 * entry limit (2704 bytes), which is what turned a 3 KB key into a 500.
 */
public final class InputLimits {

    /** {@code businessKey} in a start request and the {@code businessKey} query parameter (indexed). */
    public static final int BUSINESS_KEY = 256;
    /** A message's name, correlation key and message id ({@code POST /messages}). */
    public static final int MESSAGE_FIELD = 256;
    /** The {@code Idempotency-Key} header (part of a primary key). */
    public static final int IDEMPOTENCY_KEY = 256;
    /** The {@code X-Request-Id} header: the causation id of the first event it causes. */
    public static final int REQUEST_ID = 256;
    /** The {@code X-Correlation-Id} header of a start request. */
    public static final int CORRELATION_ID = 256;
    /** The {@code If-Match} header: a revision number, quoted. */
    public static final int IF_MATCH = 64;
    /** A process id in a path. */
    public static final int PROCESS_ID = 256;
    /** An instance id in a path (a UUID is 36). */
    public static final int INSTANCE_ID = 256;
    /** A task id (or user-task node id) in a path. */
    public static final int TASK_ID = 256;
    /** Any other path parameter. */
    public static final int PATH_PARAMETER = 256;
    /** The name and the value of any query parameter. */
    public static final int QUERY_PARAMETER = 256;
    /** Instances per page of {@code GET /instances}. */
    public static final int PAGE_SIZE = 200;
    /** How far {@code GET /instances} can page: page × size, the instances skipped, is a SQL offset (an int here). */
    public static final long LIST_OFFSET = Integer.MAX_VALUE;
    /** Instances per batch of a migration sweep. */
    public static final int SWEEP_BATCH = 1000;
    /**
     * A JSON number written out in full, as jsonb stores and prints it ({@code 1e400} becomes 401
     * digits): at most Jackson's own number length, so every reader of the stored value (Ferry's,
     * the Vert.x codec of the PostgreSQL client) can read it back.
     */
    public static final int NUMBER_CHARACTERS = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;
    /**
     * Objects and arrays nested in process data, the variables object itself included. Well below the
     * nesting every JSON reader and writer allows ({@link #NESTING_DEPTH}), because Ferry stores and
     * shows the data inside other objects (the snapshot, a history event in a list).
     */
    public static final int DATA_DEPTH = 100;
    /** Nesting of any JSON Ferry reads: Jackson's default, set on every mapper that reads Ferry's JSON. */
    public static final int NESTING_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    private InputLimits() {
    }
}
