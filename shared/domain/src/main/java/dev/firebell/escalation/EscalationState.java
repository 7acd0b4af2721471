package dev.firebell.escalation;

import dev.firebell.incident.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One incident's escalation, stored beside it: which step runs next and when. A step is one level in
 * one pass ({@link EscalationPolicy#levelOfStep}). Every change is written guarded by {@code version},
 * so two sweeps that race on one escalation cannot both page.
 *
 * @param policy           the policy's name, or null when the service has none and its fixed target is paged
 * @param nextStep         the step paged when {@code nextAt} comes
 * @param lastStep         the step paged last, -1 before the first
 * @param nextAt           when the next step is due (null unless ACTIVE)
 * @param lastDelay        the last level's escalateAfter, so a reopened incident gives that level a fresh timeout
 * @param nextPageSequence the sequence number the next page of this incident gets
 */
public record EscalationState(String incidentId, String policy, EscalationStatus status, int nextStep, int lastStep,
                              Instant nextAt, Duration lastDelay, int nextPageSequence, long version) {

    public EscalationState {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(status, "status");
        lastDelay = lastDelay == null ? Duration.ZERO : lastDelay;
        if (status == EscalationStatus.ACTIVE && nextAt == null) {
            throw new IllegalArgumentException("an active escalation needs a due time");
        }
        if (status != EscalationStatus.ACTIVE) {
            nextAt = null;
        }
    }

    /** A new escalation whose first step is due at {@code at}. */
    public static EscalationState start(String incidentId, String policy, Instant at, int nextPageSequence) {
        return new EscalationState(incidentId, policy, EscalationStatus.ACTIVE, 0, -1, at, Duration.ZERO,
                nextPageSequence, 0);
    }

    public boolean isActive() {
        return status == EscalationStatus.ACTIVE;
    }

    public boolean dueAt(Instant now) {
        return isActive() && !nextAt.isAfter(now);
    }

    /** The next step runs at {@code at} instead (held by maintenance, or a fresh timeout). */
    public EscalationState dueAgainAt(Instant at) {
        return new EscalationState(incidentId, policy, EscalationStatus.ACTIVE, nextStep, lastStep, at, lastDelay,
                nextPageSequence, version);
    }

    /** Step {@code step} was paged; {@code following} is due at {@code at}. */
    public EscalationState paged(int step, Instant at, Duration delay, int pagesUsed) {
        return new EscalationState(incidentId, policy, EscalationStatus.ACTIVE, step + 1, step, at, delay,
                nextPageSequence + pagesUsed, version);
    }

    public EscalationState exhausted(int lastStep, int pagesUsed) {
        return new EscalationState(incidentId, policy, EscalationStatus.EXHAUSTED, nextStep, lastStep, null,
                lastDelay, nextPageSequence + pagesUsed, version);
    }

    /** Acknowledged: nothing more is paged until someone un-acknowledges. */
    public EscalationState acknowledged() {
        return status == EscalationStatus.ACTIVE ? withStatus(EscalationStatus.PAUSED) : this;
    }

    /** Resolved, or its policy is gone. */
    public EscalationState stopped() {
        return withStatus(EscalationStatus.STOPPED);
    }

    /**
     * Un-acknowledged: the level paged last is paged again now (whoever is on call for it now), then
     * escalation carries on from there. An escalation that never paged starts at its first level.
     */
    public EscalationState resumed(Instant now) {
        int step = Math.max(lastStep, 0);
        return new EscalationState(incidentId, policy, EscalationStatus.ACTIVE, step, lastStep, now, lastDelay,
                nextPageSequence, version);
    }

    /**
     * The incident came back after an automatic resolve (a flap) with {@code restored} status: triggered,
     * the level paged last gets a fresh timeout before the next one is paged; acknowledged, it stays paused.
     */
    public EscalationState reopened(Instant now, IncidentStatus restored) {
        if (status == EscalationStatus.EXHAUSTED) {
            return this;
        }
        if (restored != IncidentStatus.TRIGGERED) {
            return withStatus(EscalationStatus.PAUSED);
        }
        return new EscalationState(incidentId, policy, EscalationStatus.ACTIVE, nextStep, lastStep,
                now.plus(lastDelay), lastDelay, nextPageSequence, version);
    }

    /** A person asked to escalate now: the next step runs at once; an exhausted escalation starts over. */
    public EscalationState escalatedNow(Instant now) {
        int step = status == EscalationStatus.EXHAUSTED ? 0 : nextStep;
        return new EscalationState(incidentId, policy, EscalationStatus.ACTIVE, step, lastStep, now, lastDelay,
                nextPageSequence, version);
    }

    private EscalationState withStatus(EscalationStatus next) {
        return new EscalationState(incidentId, policy, next, nextStep, lastStep, next == EscalationStatus.ACTIVE
                ? nextAt : null, lastDelay, nextPageSequence, version);
    }
}
