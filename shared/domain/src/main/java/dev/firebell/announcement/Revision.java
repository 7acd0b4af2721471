package dev.firebell.announcement;

/**
 * Which state of an incident an announcement shows: the incident item's version and its escalation's (0 without
 * one). Both only grow, so a later read is never older; an announcement is updated only to a newer revision, which
 * makes late and repeated stream records harmless.
 */
public record Revision(long incident, long escalation) {

    public static final Revision NONE = new Revision(-1, -1);

    /** Newer: a later incident version, or the same one with a later escalation step. */
    public boolean isNewerThan(Revision other) {
        return incident > other.incident || incident == other.incident && escalation > other.escalation;
    }

    @Override
    public String toString() {
        return incident + "." + escalation;
    }
}
