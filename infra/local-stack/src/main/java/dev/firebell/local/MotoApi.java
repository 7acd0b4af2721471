package dev.firebell.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** moto's own HTTP API (not AWS's), under /moto-api/. */
final class MotoApi {

    private MotoApi() {
    }

    /** POST /moto-api/reset: every service forgets every resource. */
    static void reset(URI endpoint) {
        URI uri = endpoint.resolve("/moto-api/reset");
        try {
            // No proxy: the emulator is on this machine, whatever http.proxyHost says.
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            try {
                connection.setRequestMethod("POST");
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(30_000);
                connection.setDoOutput(true);
                connection.getOutputStream().close();
                int status = connection.getResponseCode();
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new IllegalStateException("POST " + uri + " answered " + status + ": " + body(connection));
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset moto at " + uri + ": " + e.getMessage(), e);
        }
    }

    /** GET /moto-api/data.json: every model moto tracks, with its fields (e.g. SNS topics' sent notifications). */
    static String modelData(URI endpoint) {
        URI uri = endpoint.resolve("/moto-api/data.json");
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            try {
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(30_000);
                int status = connection.getResponseCode();
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new IllegalStateException("GET " + uri + " answered " + status + ": " + body(connection));
                }
                return body(connection);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read moto's model data at " + uri + ": " + e.getMessage(), e);
        }
    }

    private static String body(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getErrorStream() != null ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
