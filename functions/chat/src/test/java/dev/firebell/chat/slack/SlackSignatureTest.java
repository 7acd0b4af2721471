package dev.firebell.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.chat.slack.SlackSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Slack request signing, starting from the worked example in Slack's "Verifying requests from Slack". */
class SlackSignatureTest {

    // Slack's documented example: its signing secret, timestamp, slash command body and expected signature.
    private static final byte[] SECRET = "8f742231b10e8888abcd99yyyzzz85a5".getBytes(StandardCharsets.UTF_8);
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant THEN = Instant.ofEpochSecond(1531420618);

    @Test
    void sign_shouldReproduceSlacksDocumentedExample() {
        assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verify_shouldAcceptSlacksDocumentedExample_atItsTime() {
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN)).isEqualTo(Verdict.VALID);
    }

    @Test
    void verify_shouldAcceptUpToFiveMinutesEitherWay_andRefuseBeyond() {
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(300))).isEqualTo(Verdict.VALID);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.minusSeconds(300))).isEqualTo(Verdict.VALID);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301))).isEqualTo(Verdict.STALE);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.minusSeconds(301))).isEqualTo(Verdict.FUTURE);
        // The example itself, checked today: years stale.
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, Instant.now())).isEqualTo(Verdict.STALE);
    }

    @Test
    void verify_shouldRefuseMissingOrMalformedHeaders() {
        assertThat(SlackSignature.verify(SECRET, null, SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, null, BODY, THEN)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(SlackSignature.verify(SECRET, "", "", BODY, THEN)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(SlackSignature.verify(SECRET, "1531420618.0", SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MALFORMED_TIMESTAMP);
        assertThat(SlackSignature.verify(SECRET, "-1531420618", SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MALFORMED_TIMESTAMP);
        assertThat(SlackSignature.verify(SECRET, "9".repeat(40), SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MALFORMED_TIMESTAMP);
        assertThat(SlackSignature.verify(SECRET, " 1531420618", SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MALFORMED_TIMESTAMP);
    }

    @Test
    void verify_shouldRefuseATamperedBody() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("text=", "text=resolve+42")
                .getBytes(StandardCharsets.UTF_8);
        byte[] oneBitOff = BODY.clone();
        oneBitOff[BODY.length - 1] ^= 1;

        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, tampered, THEN)).isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, oneBitOff, THEN)).isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, new byte[0], THEN)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void verify_shouldRefuseATamperedSignatureOrTimestamp() {
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.replace("a2114d", "a2114e"), BODY, THEN))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.toUpperCase(), BODY, THEN)).isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.substring(3), BODY, THEN)).isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE + "0", BODY, THEN)).isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.replace("v0=", "v1="), BODY, THEN)).isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify(SECRET, "1531420619", SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MISMATCH);
        assertThat(SlackSignature.verify("8f742231b10e8888abcd99yyyzzz85a6".getBytes(StandardCharsets.UTF_8), TIMESTAMP,
                SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void verify_shouldFailClosed_withoutASecret() {
        assertThat(SlackSignature.verify(new byte[0], TIMESTAMP, SIGNATURE, BODY, THEN)).isEqualTo(Verdict.NO_SECRET);
        assertThat(SlackSignature.verify(null, TIMESTAMP, SIGNATURE, BODY, THEN)).isEqualTo(Verdict.NO_SECRET);
        // Even a signature made with an empty key does not pass.
        String emptyKeySignature = SlackSignature.sign(new byte[] {0}, TIMESTAMP, BODY);
        assertThat(SlackSignature.verify(new byte[0], TIMESTAMP, emptyKeySignature, BODY, THEN)).isEqualTo(Verdict.NO_SECRET);
    }
}
