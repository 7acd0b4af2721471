package dev.firebell.aws.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Key layout of the single table; docs/dynamodb-design.md explains each item and access pattern.
 * Times inside keys are fixed-width UTC so that string order is time order.
 */
final class Keys {

    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI1PK = "GSI1PK";
    static final String GSI1SK = "GSI1SK";
    static final String GSI2PK = "GSI2PK";
    static final String GSI2SK = "GSI2SK";
    static final String GSI3PK = "GSI3PK";
    static final String GSI3SK = "GSI3SK";
    static final String GSI1 = "GSI1";
    static final String GSI2 = "GSI2";
    static final String GSI3 = "GSI3";

    static final String INCIDENT_SK = "INCIDENT";
    /** The incident counter: one item holding the number of the last incident created (ADR 0006). */
    static final String INCIDENT_COUNTER = "COUNTER#incident";
    static final String COUNTER_SK = "COUNTER";
    /** A processed event's record: {@code EVENT#<eventKey>} / {@code EVENT}. */
    static final String EVENT_SK = "EVENT";
    static final String TIMELINE_PREFIX = "TIMELINE#";
    static final String PAGE_PREFIX = "PAGE#";
    static final String OPEN_PARTITION = "OPEN";
    static final String PENDING_PAGES_PARTITION = "PAGE#PENDING";
    static final String ESCALATION_SK = "ESCALATION";
    static final String DUE_ESCALATIONS_PARTITION = "ESCALATION#DUE";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    static String incident(String id) {
        return "INCIDENT#" + id;
    }

    static String track(String dedupKey) {
        return "DEDUP#" + dedupKey;
    }

    static final String TRACK_SK = "DEDUP";

    /** A service's current group (ADR 0040). */
    static String group(String service) {
        return "GROUP#" + service;
    }

    static final String GROUP_SK = "GROUP";

    static String event(String eventKey) {
        return "EVENT#" + eventKey;
    }

    static String page(int sequence) {
        return PAGE_PREFIX + String.format("%04d", sequence);
    }

    static String override(String source) {
        return "OVERRIDE#" + source;
    }

    /** A service's maintenance windows started from chat. */
    static String maintenance(String service) {
        return "MAINTENANCE#" + service;
    }

    static String target(String target) {
        return "TARGET#" + target;
    }

    /** The last page sent to a target: {@code TARGET#<target>} / {@code LASTPAGE}. */
    static final String LAST_PAGE_SK = "LASTPAGE";

    static String service(String service) {
        return "SERVICE#" + service;
    }

    static String month(Instant at) {
        return "MONTH#" + MONTH.format(at);
    }

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }
}
