package dev.firebell.link;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where links point: the stack's public endpoint (the web function's Function URL, or the custom domain in front of
 * it). Every function but the web function is given it. The web function cannot be (its own URL in its own
 * environment would be a cycle in the template), so unless a custom domain is configured it learns it from the
 * requests it serves, which all arrive at that address.
 */
public final class PublicBase {

    /** The configured value that means "learn it from the requests served". */
    public static final String FROM_REQUESTS = "from-requests";

    private final String fixed;
    private volatile String learned;

    private PublicBase(String fixed) {
        this.fixed = fixed;
    }

    /**
     * @param configured an {@code https://} URL, {@code http://127.0.0.1...} or {@code http://localhost...} (a local
     *                   run), or {@link #FROM_REQUESTS}
     * @throws IllegalArgumentException anything else
     */
    public static PublicBase of(String configured) {
        if (FROM_REQUESTS.equals(configured)) {
            return new PublicBase(null);
        }
        return new PublicBase(check(configured));
    }

    /** The base URL, ending with a slash; empty while it has to be learned and no request has come yet. */
    public Optional<String> url() {
        return Optional.ofNullable(fixed != null ? fixed : learned);
    }

    /** A request reached this function at {@code https://<domainName>/}: links point there (unless a base is fixed). */
    public void learnFromRequest(String domainName) {
        if (fixed == null && domainName != null && domainName.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?")) {
            String scheme = domainName.startsWith("127.0.0.1") || domainName.startsWith("localhost") ? "http" : "https";
            learned = scheme + "://" + domainName.toLowerCase(Locale.ROOT) + "/";
        }
    }

    private static String check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL");
        }
        String host = uri.getHost();
        boolean local = "http".equals(uri.getScheme()) && ("127.0.0.1".equals(host) || "localhost".equals(host));
        if (host == null || !("https".equals(uri.getScheme()) || local) || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + url + "' is not an https:// URL without query or fragment (or"
                    + " http://127.0.0.1 for a local run), nor " + FROM_REQUESTS);
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
