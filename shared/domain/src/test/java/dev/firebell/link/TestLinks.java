package dev.firebell.link;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** Link keys and addresses for tests of anything that makes or reads links. */
public final class TestLinks {

    /** What a Lambda Function URL looks like: 32 characters of id, the region, a trailing slash. */
    public static final String FUNCTION_URL = "https://4uzzxkbmqvl2gqvsdxqrvtd6pe0ozvzx.lambda-url.eu-west-1.on.aws/";
    public static final LinkKey KEY = LinkKey.of("k3y-one-0123456789abcdefghijklmnopqrstuvwxyzABCDEF");
    public static final LinkKey NEXT = LinkKey.of("k3y-two-0123456789abcdefghijklmnopqrstuvwxyzABCDEF");

    private TestLinks() {
    }

    /** Keys that always answer: {@code current} signs, both verify. */
    public static LinkKeys fixed(LinkKey current, LinkKey... previous) {
        return new LinkKeys() {
            @Override
            public LinkKey signingKey() {
                return current;
            }

            @Override
            public List<LinkKey> verificationKeys() {
                java.util.List<LinkKey> keys = new java.util.ArrayList<>(List.of(current));
                keys.addAll(List.of(previous));
                return keys;
            }

            @Override
            public boolean reloadAfterUnknownKey() {
                return false;
            }
        };
    }

    /** Links under {@link #FUNCTION_URL}, signed with {@link #KEY}, valid 24 hours. */
    public static ActionLinks links(InstantSource clock) {
        return new ActionLinks(fixed(KEY), () -> Optional.of(FUNCTION_URL), Duration.ofHours(24), clock);
    }
}
