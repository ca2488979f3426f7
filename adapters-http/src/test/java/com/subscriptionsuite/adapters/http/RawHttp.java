package com.subscriptionsuite.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written on a raw socket: for requests the HTTP client would not send (broken ones,
 * repeated headers exactly as written) and for several requests on one keep-alive connection.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    private RawHttp(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
    }

    /** A response: its status line, its head (status line and header fields) and its body. */
    record Reply(String statusLine, String head, String body) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** The first value of a header field, or null. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst().orElse(null);
        }
    }

    /** Opens one connection to the server at {@code base}; close it after the test. */
    static RawHttp connect(URI base) throws IOException {
        return new RawHttp(base);
    }

    /**
     * Sends {@code request} as written on a connection of its own and reads until the server closes
     * it or stops sending (send {@code Connection: close}).
     */
    static Reply once(URI base, String request) throws IOException {
        try (RawHttp raw = connect(base)) {
            raw.write(request);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                raw.in.transferTo(out);
            } catch (SocketTimeoutException e) {
                // the server keeps the connection open: what arrived is the reply
            }
            String text = out.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            String head = text.substring(0, headEnd);
            return new Reply(head.lines().findFirst().orElseThrow(), head, text.substring(headEnd + 4));
        }
    }

    /**
     * Sends {@code request} on this connection and reads exactly one response, whose body is as long
     * as its {@code Content-Length} says (the connection stays usable for the next request).
     */
    Reply exchange(String request) throws IOException {
        write(request);
        String head = readHead();
        Reply headOnly = new Reply(head.lines().findFirst().orElseThrow(), head, "");
        String length = headOnly.header("Content-Length");
        if (length == null) {
            throw new IllegalStateException("no Content-Length, cannot tell where the body ends: " + head);
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        return new Reply(headOnly.statusLine(), head, new String(body, StandardCharsets.UTF_8));
    }

    private void write(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the response head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - end.length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
