package dev.firebell.link;

import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The links a page carries for the person it is sent to: {@code <public base URL>/l/<token>}, one per action, each
 * signed for that incident, that person, that action and the channel it is sent through, valid for
 * {@code validity} (rounded up to the minute).
 *
 * <p>Pages must go out whatever happens to links: when the key cannot be read, or no public address is known, the
 * page is sent without them ({@link #forPerson} is empty), and the person acknowledges with an SMS reply or in chat.
 */
public final class ActionLinks {

    /** The path under the public base URL that link tokens follow. */
    public static final String PATH = "l/";
    /** Links expire this long after the page is composed, unless configured otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    /** The longest validity allowed: a link in an old e-mail should not act a month later. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(7);

    private static final ActionLinks NONE = new ActionLinks(null, Optional::empty, DEFAULT_VALIDITY, Instant::now);

    private final LinkKeys keys;
    private final Supplier<Optional<String>> base;
    private final Duration validity;
    private final InstantSource clock;

    /**
     * @param base where the web function answers ({@code https://<id>.lambda-url.<region>.on.aws/}, or the custom
     *             domain in front of it); empty while unknown
     */
    public ActionLinks(LinkKeys keys, Supplier<Optional<String>> base, Duration validity, InstantSource clock) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("link validity " + validity + " is not between a minute and "
                    + MAX_VALIDITY.toDays() + " days");
        }
        this.keys = keys;
        this.base = Objects.requireNonNull(base, "base");
        this.validity = validity;
        this.clock = clock;
    }

    /** No links: pages as they were before links existed. */
    public static ActionLinks none() {
        return NONE;
    }

    /** One person's links for one page: the URL of each action, and when they stop working. */
    public record Links(Map<PageAction, String> urls, Instant expiresAt) {
        public Links {
            urls = Collections.unmodifiableMap(new EnumMap<>(urls));
        }

        public String url(PageAction action) {
            return urls.get(action);
        }
    }

    /**
     * Links for {@code personId} to take each of {@code actions} on the incident, sent through {@code channel}; empty
     * when there can be none now (no key, no public address).
     */
    public Optional<Links> forPerson(String incidentId, String personId, Channel channel, Set<PageAction> actions) {
        if (keys == null) {
            return Optional.empty();
        }
        Optional<String> root = base.get();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        LinkKey key;
        try {
            key = keys.signingKey();
        } catch (LinkKeys.KeysUnavailableException e) {
            return Optional.empty();
        }
        Instant expiresAt = ceilingMinute(clock.instant().plus(validity));
        String prefix = withSlash(root.get()) + PATH;
        Map<PageAction, String> urls = new EnumMap<>(PageAction.class);
        for (PageAction action : actions) {
            urls.put(action, prefix + LinkTokens.sign(new LinkClaim(incidentId, personId, action, channel, expiresAt),
                    key));
        }
        return Optional.of(new Links(urls, expiresAt));
    }

    /** The token of a request path {@code /l/<token>}, if it is one. */
    public static Optional<String> tokenOf(String path) {
        String prefix = "/" + PATH;
        if (path == null || !path.startsWith(prefix) || path.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(path.substring(prefix.length()));
    }

    private static Instant ceilingMinute(Instant t) {
        Instant down = t.truncatedTo(ChronoUnit.MINUTES);
        return down.equals(t) ? t : down.plus(1, ChronoUnit.MINUTES);
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
