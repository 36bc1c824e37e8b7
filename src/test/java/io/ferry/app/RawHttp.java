package io.ferry.app;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends bytes no HTTP client would (a NUL in a header, an invalid URI) and reads the answer whole. */
final class RawHttp {

    /** The answer: status code, the content type, and the body. */
    record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    static Answer send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Writes the request from another thread while reading the answer, as a client uploading a body does:
     * the server may answer (and close) before it has read the whole request.
     */
    static Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                } catch (IOException closedByTheServer) {
                    // the answer came before the whole request was sent
                }
            });
            writer.start();
            return parse(readAll(socket.getInputStream()));
        }
    }

    // Every request here asks Connection: close or is one the server closes after, so the answer ends with the stream.
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        String head = response.substring(0, headEnd);
        int status = Integer.parseInt(head.split(" ")[1]);
        String contentType = null;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        return new Answer(status, contentType, response.substring(headEnd + 4));
    }
}
