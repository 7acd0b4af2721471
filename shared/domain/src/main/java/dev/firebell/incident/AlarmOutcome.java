package dev.firebell.incident;

/** What handling one alarm state change did, for logs and for the caller. */
public record AlarmOutcome(Kind kind, String incidentId, String detail, DispatchReport pages) {

    public enum Kind {
        OPENED,
        /** Opened already resolved: a newer OK had arrived before this ALARM. Nobody paged. */
        OPENED_RECOVERED,
        DUPLICATE_SUPPRESSED,
        /** Joined the service's open incident (or came back to ALARM in it); nobody paged. */
        GROUPED,
        /** A grouped alarm returned to OK; the incident stays open for the others. */
        GROUPED_OK,
        RESOLVED,
        REOPENED,
        NOTED,
        OK_REMEMBERED,
        IGNORED,
        /** The very same state change was processed before; only its pending pages were re-driven. */
        REDELIVERY
    }

    public AlarmOutcome {
        pages = pages == null ? DispatchReport.NONE : pages;
    }
}
