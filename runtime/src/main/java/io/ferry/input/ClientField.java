package io.ferry.input;

/**
 * Where a text came from, as a problem names it: {@code name} is the client's name for it (the
 * problem's {@code field} member), {@code subject} how a sentence of the detail names it.
 */
public record ClientField(String name, String subject) {

    public static ClientField body(String path) {
        return new ClientField(path, path);
    }

    public static ClientField key(String path) {
        return new ClientField(path, "The key " + path);
    }

    public static ClientField header(String name) {
        return new ClientField(name, "Header " + name);
    }

    public static ClientField query(String name) {
        return new ClientField(name, "Query parameter " + name);
    }

    /** A parameter's name that is itself refused: the query is all a client can be pointed to. */
    public static ClientField queryName() {
        return new ClientField("query", "A query parameter's name");
    }

    public static ClientField path(String name) {
        return new ClientField(name, "Path parameter " + name);
    }
}
