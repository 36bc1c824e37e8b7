package io.ferry.benchmark;

import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two operations the benchmark drives through Ferry's REST API, each client over its own
 * HTTP/1.1 connection, kept alive ({@link HttpConnection}), as one user of the API would.
 */
final class OrderOverHttp {

    static final String START_BODY = "{\"variables\":{\"amount\":120,\"customer\":{\"name\":\"Ada\"}}}";
    /** Approved, so the completion also runs the payment service task and reaches the parallel join. */
    static final String COMPLETE_BODY = "{\"variables\":{\"approved\":true}}";
    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");

    private final HttpConnection http;

    OrderOverHttp(AppProcess app) {
        URI base = app.uri("/");
        this.http = new HttpConnection(base.getHost(), base.getPort());
    }

    UUID start() throws Exception {
        String body = post("/processes/order/instances", START_BODY, 201);
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("POST /processes/order/instances answered without an id: " + body);
        }
        return UUID.fromString(id.group(1));
    }

    void completeApproval(UUID instance) throws Exception {
        post("/instances/" + instance + "/tasks/approveOrder/complete", COMPLETE_BODY, 200);
    }

    String get(String path) throws Exception {
        HttpConnection.Response response = http.send("GET", path, null);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    String post(String path, String json, int expectedStatus) throws Exception {
        HttpConnection.Response response = http.send("POST", path, json);
        if (response.status() != expectedStatus) {
            throw new IllegalStateException("POST " + path + " answered " + response.status() + ", not "
                    + expectedStatus + ": " + response.body());
        }
        return response.body();
    }

    /** Closes its connection. */
    void close() throws java.io.IOException {
        http.close();
    }

    /** Clients that start {@code order} instances. */
    static ClosedLoop.ClientFactory starting(AppProcess app) {
        return index -> {
            OrderOverHttp client = new OrderOverHttp(app);
            return new ClosedLoop.Client() {
                @Override
                public void operate() throws Exception {
                    client.start();
                }

                @Override
                public void close() throws java.io.IOException {
                    client.close();
                }
            };
        };
    }

    /** Clients that complete {@code approveOrder}, each on its own instances waiting there. */
    static ClosedLoop.ClientFactory completing(AppProcess app, List<List<UUID>> instancesPerClient) {
        return index -> {
            OrderOverHttp client = new OrderOverHttp(app);
            Iterator<UUID> instances = instancesPerClient.get(index).iterator();
            return new ClosedLoop.Client() {
                @Override
                public void operate() throws Exception {
                    client.completeApproval(instances.next());
                }

                @Override
                public boolean hasNext() {
                    return instances.hasNext();
                }

                @Override
                public void close() throws java.io.IOException {
                    client.close();
                }
            };
        };
    }
}
