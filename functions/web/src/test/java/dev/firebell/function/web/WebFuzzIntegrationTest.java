package dev.firebell.function.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.answer.PageAction;
import dev.firebell.function.web.WebFixture.Response;
import dev.firebell.incident.Channel;
import dev.firebell.link.LinkClaim;
import dev.firebell.link.LinkKey;
import dev.firebell.link.LinkTokens;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile requests at the web function (forged, mangled, expired and oversized tokens; odd methods,
 * paths and events), seeded so that a failure repeats: every one gets a well-formed page with the strict headers and
 * a 4xx, none an unhandled exception or a 500, and the table is exactly as it was, item for item.
 */
@LocalStackTest
class WebFuzzIntegrationTest {

    private static final long SEED = 20261127L;
    private static final int REQUESTS = 3000;
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 405, 409, 410, 413);
    private static final String HOSTILE = "<script>alert(1)</script>\"'&";

    private final LocalStack local;
    private final LocalResources resources;

    WebFuzzIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void hostileRequests_shouldAllBeRefusedWithAPage_andWriteNothing() {
        WebFixture fixture = new WebFixture(local, resources);
        fixture.declare("checkout", HOSTILE);
        fixture.declare("checkout", "Payments slow");
        List<String> genuine = new ArrayList<>();
        for (Map<String, Object> page : fixture.pages("person:alice")) {
            ((Map<?, ?>) page.get("links")).forEach((action, url) -> {
                if (!"expiresAt".equals(action)) {
                    genuine.add(String.valueOf(url));
                }
            });
        }
        assertThat(genuine).hasSize(6);
        String host = URI.create(genuine.get(0)).getAuthority();
        LinkKey stackKey = LinkKey.of(local.secretsManager().getSecretValue(r -> r.secretId(
                resources.secretArn("LinkKeySecret"))).secretString());
        var before = fixture.items();
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            byte[] event = hostileEvent(random, genuine, host, stackKey, fixture);
            Response response = fixture.invoke(event);

            statuses.merge(response.status(), 1, Integer::sum);
            assertThat(REFUSALS).as("request %d: status", i).contains(response.status());
            assertThat(response.headers()).as("request %d", i).containsEntry("referrer-policy", "no-referrer")
                    .containsEntry("cache-control", "no-store").containsKey("content-security-policy");
            assertThat(response.body()).as("request %d", i).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        }

        assertThat(fixture.items()).as("the table after %d hostile requests", REQUESTS).isEqualTo(before);
        // The fuzz reached every refusal it aims at: forged or mangled, expired, unknown incident or person, bad method.
        assertThat(statuses).containsKeys(400, 403, 404, 405, 410, 413);
    }

    private static byte[] hostileEvent(Random random, List<String> genuine, String host, LinkKey stackKey,
                                       WebFixture fixture) {
        String link = genuine.get(random.nextInt(genuine.size()));
        String token = link.substring(link.indexOf("/l/") + 3);
        String path;
        String method = "GET";
        switch (random.nextInt(12)) {
            case 0 -> path = "/l/" + randomToken(random, random.nextInt(80));
            case 1 -> path = "/l/" + mutate(token, random);
            case 2 -> path = "/l/" + token.substring(0, random.nextInt(token.length()));
            case 3 -> path = "/l/" + token + randomToken(random, 1 + random.nextInt(8));
            case 4 -> path = "/l/" + LinkTokens.sign(claim(random, fixture, -1 - random.nextInt(10_000)),
                    LinkKey.of("forged-" + random.nextLong() + "-0123456789abcdefghijklmnopqrstuvwxyz"));
            case 5 -> path = "/l/" + LinkTokens.sign(claim(random, fixture, -1 - random.nextInt(10_000)), stackKey);
            case 6 -> path = "/l/" + LinkTokens.sign(new LinkClaim(String.valueOf(100 + random.nextInt(1000)), "alice",
                    PageAction.values()[random.nextInt(3)], Channel.EMAIL_LINK,
                    fixture.clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
                    stackKey);
            case 7 -> path = "/l/" + LinkTokens.sign(new LinkClaim("1", "mallory-" + random.nextInt(100),
                    PageAction.values()[random.nextInt(3)], Channel.SMS_LINK,
                    fixture.clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
                    stackKey);
            case 8 -> {
                path = "/l/" + token;
                method = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "G\u0000T", "")
                        .get(random.nextInt(8));
            }
            case 9 -> path = List.of("/l/", "/l", "/", "/l/../l/" + token, "/L/" + token, "/l//" + token, "/l/%2e%2e/"
                    + token, "/l/" + token + "/", "/" + HOSTILE, "/l/" + HOSTILE).get(random.nextInt(10));
            case 10 -> {
                return oddEvent(random, token);
            }
            default -> path = "/l/" + new String(randomBytes(random, random.nextInt(60)), StandardCharsets.ISO_8859_1);
        }
        if (random.nextBoolean() && method.equals("GET")) {
            method = "POST";
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("content-type", random.nextBoolean() ? "application/x-www-form-urlencoded" : HOSTILE);
        return FunctionUrlEvent.of(method, path, random.nextBoolean() ? "" : "t=" + HOSTILE, headers,
                randomBytes(random, random.nextInt(200)), random.nextBoolean(), "203.0.113." + random.nextInt(255));
    }

    /** A genuine claim on an open incident (as alice) that expired {@code -minutesAgo} minutes ago. */
    private static LinkClaim claim(Random random, WebFixture fixture, int minutesAgo) {
        return new LinkClaim(String.valueOf(1 + random.nextInt(2)), "alice", PageAction.values()[random.nextInt(3)],
                List.of(Channel.EMAIL_LINK, Channel.SMS_LINK, Channel.PAGE_LINK).get(random.nextInt(3)),
                fixture.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(
                        minutesAgo)));
    }

    /** Events that are not (well-formed) Function URL events, or are too large to read. */
    private static byte[] oddEvent(Random random, String token) {
        String text = switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "not json " + HOSTILE;
            case 2 -> "[1,2,3]";
            case 3 -> "{\"rawPath\":\"/l/" + token + "\",\"requestContext\":{}}";
            case 4 -> "{\"rawPath\":\"/l/" + token + "\",\"requestContext\":{\"http\":{\"method\":\"POST\"}},"
                    + "\"body\":\"%%%\",\"isBase64Encoded\":true}";
            default -> "{\"rawPath\":\"/l/" + token + "\",\"body\":\"" + "x".repeat(20_000) + "\"}";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomToken(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%.~";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String mutate(String token, Random random) {
        char[] chars = token.toCharArray();
        int i = random.nextInt(chars.length - 1);
        char replacement = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
        chars[i] = replacement == chars[i] ? (replacement == 'A' ? 'B' : 'A') : replacement;
        return new String(chars);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
