package dev.firebell.console;

import dev.firebell.web.Html;
import dev.firebell.web.HttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * A request to a console page from a signed-in {@link Viewer}. A POST reaches a page only after {@link Console} has
 * checked its CSRF token: pages never check it themselves, they only put {@link #csrfField()} in every form.
 *
 * @param http      the request as it arrived
 * @param viewer    who is signed in
 * @param csrfToken the token this viewer's session expects in every form it posts
 */
public record ConsoleRequest(HttpRequest http, Viewer viewer, String csrfToken) {

    /** The name of the form field that carries the CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    public String method() {
        return http.method();
    }

    public String path() {
        return http.path();
    }

    /** The first value of a query parameter, decoded; empty when absent or blank. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters().get(name)).filter(v -> !v.isBlank());
    }

    /** The query parameters, first value of each name, decoded; a malformed escape makes a parameter unreadable. */
    public Map<String, String> queryParameters() {
        return HttpRequest.fields(http.rawQuery());
    }

    /** The same request, for another path (the console's home is the incidents page). */
    public ConsoleRequest at(String path) {
        return new ConsoleRequest(new HttpRequest(http.method(), path, http.rawQuery(), http.headers(), http.body(),
                http.domainName(), http.sourceIp()), viewer, csrfToken);
    }

    /** The posted form's fields (the CSRF token among them, already checked). */
    public Map<String, String> form() {
        return http.form();
    }

    /** The hidden field every form of the console carries. */
    public String csrfField() {
        return "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + Html.escape(csrfToken) + "\">";
    }
}
