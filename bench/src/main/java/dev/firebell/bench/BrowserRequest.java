package dev.firebell.bench;

import dev.firebell.local.FunctionUrlEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Function URL event of a desktop browser's request to the web function, as the console's benchmarks send it. */
public final class BrowserRequest {

    private BrowserRequest() {
    }

    /**
     * A GET, or a POST of a same-origin form ({@code form}: url-encoded fields), to {@code path} at {@code host}, with
     * the session cookie ({@code name=value}) when not null.
     */
    public static byte[] of(String method, String host, String path, String cookie, String form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/131.0.0.0 Safari/537.36");
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (cookie != null) {
            headers.put("cookie", cookie);
        }
        if (method.equals("POST")) {
            headers.put("content-type", "application/x-www-form-urlencoded");
            headers.put("sec-fetch-site", "same-origin");
        }
        return FunctionUrlEvent.of(method, path, "", headers, form.getBytes(StandardCharsets.UTF_8), true,
                "198.51.100.7");
    }
}
