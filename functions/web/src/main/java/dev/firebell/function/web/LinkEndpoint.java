package dev.firebell.function.web;

import dev.firebell.answer.Answer;
import dev.firebell.answer.PageAnswers;
import dev.firebell.incident.Actor;
import dev.firebell.link.ActionLinks;
import dev.firebell.link.LinkClaim;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.LinkTokens;
import dev.firebell.link.LinkTokens.Verification;
import dev.firebell.link.PublicBase;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import dev.firebell.web.RequestLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The pages behind the links in pages: {@code GET /l/<token>} shows the incident and one button, and never changes
 * anything (mail scanners open every link); {@code POST /l/<token>} acts, as the person the link was sent to, on the
 * incident it was sent for, through {@link PageAnswers}. A link that is not Firebell's, has expired, or cannot be
 * checked (no key) acts on nothing and says why; a 4xx or 503 goes with it.
 */
final class LinkEndpoint {

    private final LinkKeys keys;
    private final PageAnswers answers;
    private final PublicBase base;
    private final InstantSource clock;

    LinkEndpoint(LinkKeys keys, PageAnswers answers, PublicBase base, InstantSource clock) {
        this.keys = keys;
        this.answers = answers;
        this.base = base;
        this.clock = clock;
    }

    HttpResponse handle(HttpRequest request, RequestLog log) {
        Optional<String> token = ActionLinks.tokenOf(request.path());
        if (token.isEmpty()) {
            return LinkPages.notFound();
        }
        boolean act = request.method().equals("POST");
        if (!act && !request.method().equals("GET") && !request.method().equals("HEAD")) {
            return LinkPages.methodNotAllowed();
        }
        Verification verification;
        try {
            verification = verify(token.get());
        } catch (LinkKeys.KeysUnavailableException e) {
            log.error("link refused (503): the link key cannot be read: " + e.getMessage(), null);
            return LinkPages.unavailable(log.reference());
        }
        if (verification instanceof Verification.Invalid invalid) {
            log.warn("link refused (400): " + invalid.reason());
            return LinkPages.invalid();
        }
        if (verification instanceof Verification.UnknownKey unknown) {
            log.warn("link refused (400): signed with key id " + unknown.keyId() + ", which is neither the current nor"
                    + " the previous link key");
            return LinkPages.invalid();
        }
        if (verification instanceof Verification.Expired expired) {
            log.info("link refused (410): " + describe(expired.claim()) + " expired at " + expired.claim().expiresAt());
            return LinkPages.expired(expired.claim());
        }
        LinkClaim claim = ((Verification.Valid) verification).claim();
        base.learnFromRequest(request.domainName());
        return act ? act(claim, token.get(), log) : show(claim, log);
    }

    /** A token checked against the keys held, and once more after reading them again if it names another key. */
    private Verification verify(String token) {
        Verification v = LinkTokens.verify(token, keys.verificationKeys(), clock.instant());
        if (v instanceof Verification.UnknownKey && keys.reloadAfterUnknownKey()) {
            v = LinkTokens.verify(token, keys.verificationKeys(), clock.instant());
        }
        return v;
    }

    private HttpResponse show(LinkClaim claim, RequestLog log) {
        Answer answer = answers.preview(claim.incidentId(), claim.personId(), claim.action());
        if (answer instanceof Answer.Ready ready) {
            return LinkPages.confirm(ready, claim);
        }
        if (answer instanceof Answer.AlreadyDone already) {
            return LinkPages.done(already, claim);
        }
        log.info("link shown as refused: " + describe(claim) + ": " + answer.message());
        return LinkPages.refused((Answer.Refused) answer, claim);
    }

    private HttpResponse act(LinkClaim claim, String token, RequestLog log) {
        Actor actor = Actor.via(claim.personId(), claim.channel(), Map.of());
        // An escalate link acts once: pressing its button twice must not page two levels.
        Answer answer = answers.answer(claim.incidentId(), claim.action(), actor, "link:" + fingerprint(token),
                claim.expiresAt());
        if (answer instanceof Answer.Refused refused) {
            log.info("link refused (" + refused.reason() + "): " + describe(claim) + ": " + refused.message());
            return LinkPages.refused(refused, claim);
        }
        log.info(describe(claim) + ": " + answer.message());
        return LinkPages.done(answer, claim);
    }

    private static String describe(LinkClaim claim) {
        return claim.action().verb() + " #" + claim.incidentId() + " as " + claim.personId() + " ("
                + claim.channel().via() + ")";
    }

    /** A token's stand-in in the ledger: its hash, so the table never holds a usable link. */
    private static String fingerprint(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
