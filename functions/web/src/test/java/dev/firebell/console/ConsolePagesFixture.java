package dev.firebell.console;

import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Requests to one area's pages as a signed-in viewer, and their answers parsed as a browser would. */
public final class ConsolePagesFixture {

    public static final Viewer ALICE = new Viewer("alice", "Alice", true);

    private ConsolePagesFixture() {
    }

    public static ConsoleRequest get(String path, String rawQuery) {
        return new ConsoleRequest(new HttpRequest("GET", path, rawQuery, Map.of(), new byte[0], "console.example",
                "192.0.2.1"), ALICE, "csrf-token");
    }

    public static ConsoleRequest post(String path) {
        return new ConsoleRequest(new HttpRequest("POST", path, "", Map.of(),
                "csrf=csrf-token".getBytes(StandardCharsets.UTF_8), "console.example", "192.0.2.1"), ALICE, "csrf-token");
    }

    public static Document parse(HttpResponse response) {
        return Jsoup.parse(response.body());
    }
}
