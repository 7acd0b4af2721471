package dev.firebell.function.chat;

import dev.firebell.chat.slack.SigningSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The Slack signing secret from an SSM SecureString parameter, read on first use (never at init, so no secret is
 * fetched before a request needs it) and kept for {@link #CACHE}. A parameter that does not exist or is empty
 * gives an empty secret, which refuses every request. If SSM fails while a secret is cached, the cached one keeps
 * working until SSM answers again.
 */
final class SsmSigningSecrets implements SigningSecrets {

    static final Duration CACHE = Duration.ofMinutes(5);
    /** How often a signature mismatch may trigger a fresh read (rotations take effect this fast). */
    static final Duration MIN_RELOAD = Duration.ofMinutes(1);

    private final SsmClient ssm;
    private final String parameterName;
    private final InstantSource clock;
    private byte[] cached;
    private Instant readAt;

    SsmSigningSecrets(SsmClient ssm, String parameterName, InstantSource clock) {
        this.ssm = ssm;
        this.parameterName = parameterName;
        this.clock = clock;
    }

    @Override
    public synchronized byte[] current() {
        if (cached == null || !clock.instant().isBefore(readAt.plus(CACHE))) {
            load();
        }
        return cached;
    }

    @Override
    public synchronized boolean reloadAfterMismatch() {
        if (readAt != null && clock.instant().isBefore(readAt.plus(MIN_RELOAD))) {
            return false;
        }
        byte[] before = cached;
        load();
        return !Arrays.equals(before, cached);
    }

    private void load() {
        Instant now = clock.instant();
        try {
            String value = ssm.getParameter(r -> r.name(parameterName).withDecryption(true)).parameter().value();
            // A secret pasted with a trailing newline would never verify; Slack's have no white space.
            cached = value == null ? new byte[0] : value.strip().getBytes(StandardCharsets.UTF_8);
        } catch (ParameterNotFoundException missing) {
            cached = new byte[0];
        } catch (SdkException e) {
            if (cached == null || cached.length == 0) {
                throw new SecretUnavailableException("cannot read SSM parameter " + parameterName + ": " + e.getMessage(), e);
            }
            // Keep the secret we have; try SSM again after MIN_RELOAD rather than on every request.
            readAt = now.minus(CACHE).plus(MIN_RELOAD);
            return;
        }
        readAt = now;
    }
}
