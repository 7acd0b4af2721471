package dev.firebell.postmortem;

import dev.firebell.timeline.TimelineEntryType;

/** What a timeline entry's type is called in a draft's tables. */
final class EventLabels {

    private EventLabels() {
    }

    static String label(TimelineEntryType type) {
        return switch (type) {
            case OPENED -> "Opened";
            case DUPLICATE_SUPPRESSED -> "Duplicate suppressed";
            case PAGED -> "Paged";
            case PAGE_FAILED -> "Page failed";
            case PAGE_CANCELLED -> "Page cancelled";
            case ACKNOWLEDGED -> "Acknowledged";
            case UNACKNOWLEDGED -> "Acknowledgement withdrawn";
            case ESCALATED -> "Escalated";
            case ESCALATION_EXHAUSTED -> "Escalation exhausted";
            case RESOLVED -> "Resolved";
            case REOPENED -> "Reopened";
            case OUT_OF_ORDER_IGNORED -> "Out-of-order delivery ignored";
            case INSUFFICIENT_DATA -> "Insufficient data";
            case ROUTING_NOTE -> "Routing note";
            case SEVERITY_CHANGED -> "Severity changed";
            case ROLE_ASSIGNED -> "Role assigned";
            case NOTE -> "Note";
            case ESCALATION_NOTE -> "On call";
            case NOBODY_ON_CALL -> "Nobody on call";
            case PAGE_DEFERRED -> "Page held for daytime";
            case MAINTENANCE -> "Maintenance";
            case GROUPED -> "Alarm grouped";
            case GROUPED_OK -> "Grouped alarm OK";
        };
    }
}
