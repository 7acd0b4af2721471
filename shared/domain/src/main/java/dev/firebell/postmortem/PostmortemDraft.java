package dev.firebell.postmortem;

import dev.firebell.incident.Incident;
import dev.firebell.metrics.IncidentMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A composed draft. Its content depends only on the incident's stored data (no clock, no randomness), so
 * composing it again from the same data gives the same bytes and the same {@link #sha256()}: that is how a
 * redelivered stream record is recognised and no duplicate version is stored.
 */
public record PostmortemDraft(Incident incident, String markdown, List<BlameFinding> findings, IncidentMetrics metrics) {

    public PostmortemDraft {
        findings = List.copyOf(findings);
    }

    public String incidentId() {
        return incident.id();
    }

    public byte[] bytes() {
        return markdown.getBytes(StandardCharsets.UTF_8);
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
