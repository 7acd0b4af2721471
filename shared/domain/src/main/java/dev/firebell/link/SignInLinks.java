package dev.firebell.link;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes console sign-in links, {@code <public base>console/sign-in/<token>}: for {@code /incident console} in chat and
 * {@code ./firebell console-link}. A link works for {@link #VALIDITY}, once (the web function records its use).
 */
public final class SignInLinks {

    /** Long enough to open a link from chat on another device; short enough that an old message is useless. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    /** Where sign-in links point, under the public base. */
    public static final String PATH = "console/sign-in/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LinkKeys keys;
    private final Supplier<Optional<String>> base;
    private final InstantSource clock;

    /** @param base the public base URL ending with a slash ({@link PublicBase#url()}), empty while unknown */
    public SignInLinks(LinkKeys keys, Supplier<Optional<String>> base, InstantSource clock) {
        this.keys = keys;
        this.base = base;
        this.clock = clock;
    }

    /** A sign-in link and until when it works. */
    public record Issued(String url, SignInClaim claim) {
    }

    /**
     * A link signing in {@code personId}; {@code reader}: someone outside the configuration, who may only read.
     *
     * @throws IllegalStateException      the public base is not known yet
     * @throws LinkKeys.KeysUnavailableException the link key cannot be read
     */
    public Issued issue(String personId, boolean reader) {
        String at = base.get().orElseThrow(() -> new IllegalStateException("the console's address is not known yet"
                + " (the web function learns it from the first request it serves)"));
        Instant expiresAt = clock.instant().plus(VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SignInClaim claim = new SignInClaim(personId, reader, expiresAt, RANDOM.nextLong());
        return new Issued(at + PATH + SignInTokens.sign(claim, keys.signingKey()), claim);
    }
}
