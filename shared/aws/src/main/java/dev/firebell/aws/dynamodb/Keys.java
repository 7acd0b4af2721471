package dev.firebell.aws.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every key of the single table, in one place: the key attributes, then each item's partition and sort key (the
 * table of docs/dynamodb-design.md, in its order), then the index partitions. No store writes a key literal of its
 * own. Times inside keys are fixed-width UTC so that string order is time order.
 */
final class Keys {

    // ---- key attributes and indexes (template.yaml's FirebellTable)

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

    // ---- items: partition key, sort key

    /** An incident's items share its partition: the incident itself, its timeline, pages, escalation and metrics. */
    static String incident(String id) {
        return "INCIDENT#" + id;
    }

    /** The incident item: {@code INCIDENT#<id>} / {@code INCIDENT}. */
    static final String INCIDENT_SK = "INCIDENT";
    /** Timeline entries: {@code INCIDENT#<id>} / {@code TIMELINE#<at>#<seq>#<nn>#<rand>} (IncidentItems.timeline). */
    static final String TIMELINE_PREFIX = "TIMELINE#";
    /** Pages (the outbox): {@code INCIDENT#<id>} / {@code PAGE#<seq>}. */
    static final String PAGE_PREFIX = "PAGE#";

    static String page(int sequence) {
        return PAGE_PREFIX + String.format("%04d", sequence);
    }

    /** The incident's escalation: {@code INCIDENT#<id>} / {@code ESCALATION}. */
    static final String ESCALATION_SK = "ESCALATION";
    /** The incident's metrics: {@code INCIDENT#<id>} / {@code METRICS}. */
    static final String METRICS_SK = "METRICS";
    /** The incident's chat announcement (its claim, then its message): {@code INCIDENT#<id>} / {@code ANNOUNCEMENT}. */
    static final String ANNOUNCEMENT_SK = "ANNOUNCEMENT";

    /**
     * What people changed about who is paged, side by side so that one paging decision reads them with one Query
     * (ADR 0055): shift overrides, {@code ONCALL} / {@code <end>#override#<source>#<id>}, and maintenance windows started
     * from chat, {@code ONCALL} / {@code <end>#maintenance#<service>#<name>}, sorted by when each ends.
     */
    static final String ONCALL = "ONCALL";

    static String overrideSk(Instant end, String source, String id) {
        return sortable(end) + "#override#" + source + "#" + id;
    }

    static String maintenanceSk(Instant end, String service, String name) {
        return sortable(end) + "#maintenance#" + service + "#" + name;
    }

    /**
     * {@code ONCALL} / {@code ~MIGRATED}: the partitions below were copied into {@code ONCALL} (by {@code config apply});
     * sorts after every end time, so each read sees it. Until it exists, reads also read those partitions.
     */
    static final String ONCALL_MIGRATED_SK = "~MIGRATED";

    /** Before ADR 0055: a rotation's or schedule's overrides, {@code OVERRIDE#<source>} / {@code <end>#<id>}. */
    static String legacyOverride(String source) {
        return "OVERRIDE#" + source;
    }

    /** Before ADR 0055: a service's maintenance windows, {@code MAINTENANCE#<service>} / {@code <end>#<name>}. */
    static String legacyMaintenance(String service) {
        return "MAINTENANCE#" + service;
    }

    /** A dedup key's track: {@code DEDUP#<dedupKey>} / {@code DEDUP}. */
    static String track(String dedupKey) {
        return "DEDUP#" + dedupKey;
    }

    static final String TRACK_SK = "DEDUP";

    /** A service's current group (ADR 0040): {@code GROUP#<service>} / {@code GROUP}. */
    static String group(String service) {
        return "GROUP#" + service;
    }

    static final String GROUP_SK = "GROUP";

    /** A processed event's record: {@code EVENT#<eventKey>} / {@code EVENT}. */
    static String event(String eventKey) {
        return "EVENT#" + eventKey;
    }

    static final String EVENT_SK = "EVENT";

    /**
     * Pages sent to a target: {@code TARGET#<target>} / {@code SENT#<sentAt>#<pageId>}, one item each, written in the
     * page's {@code SENT} transaction; the newest answers "which incident was I paged for?".
     */
    static String target(String target) {
        return "TARGET#" + target;
    }

    static String pageSent(Instant sentAt, String pageId) {
        return PAGE_SENT_PREFIX + sortable(sentAt) + "#" + pageId;
    }

    static final String PAGE_SENT_PREFIX = "SENT#";
    /**
     * Before pages sent were kept one item each, a target's partition held a single {@code LASTPAGE} item, rewritten
     * after each page. Still read where a deployment has one: it sorts before every {@code SENT#} key.
     */
    static final String LEGACY_LAST_PAGE_SK = "LASTPAGE";

    /**
     * An answer that acts once (a link's escalation, an SMS reply): {@code ANSWER#<key>} / {@code ANSWER}, kept until
     * its TTL.
     */
    static String answer(String key) {
        return "ANSWER#" + key;
    }

    static final String ANSWER_SK = "ANSWER";

    /**
     * Replies counted for a phone number in one window: {@code REPLIES#<number>} / {@code WINDOW#<start>}, gone by TTL
     * after the window.
     */
    static String replies(String number) {
        return "REPLIES#" + number;
    }

    static String window(Instant start) {
        return "WINDOW#" + sortable(start);
    }

    /**
     * A heartbeat monitor's record (docs/heartbeats.md): {@code HEARTBEAT#<name>} / {@code HEARTBEAT}, with its token; in
     * GSI1's {@code HEARTBEAT#DUE} while it can expire.
     */
    static String heartbeat(String name) {
        return "HEARTBEAT#" + name;
    }

    static final String HEARTBEAT_SK = "HEARTBEAT";

    /**
     * A ping token's lookup item: {@code PINGTOKEN#<sha-256 of the token>} / {@code PINGTOKEN}, naming the monitor; in
     * GSI2's {@code HEARTBEAT#ALL} so that every monitor can be listed.
     */
    static String pingToken(String tokenHash) {
        return "PINGTOKEN#" + tokenHash;
    }

    static final String PING_TOKEN_SK = "PINGTOKEN";

    /**
     * A console sign-in link used (ADR 0120): {@code SIGNIN#<sha-256 of the token>} / {@code SIGNIN}, kept until the link
     * expires (TTL), so that a second use finds it.
     */
    static String signIn(String tokenFingerprint) {
        return "SIGNIN#" + tokenFingerprint;
    }

    static final String SIGN_IN_SK = "SIGNIN";

    /**
     * A console session (ADR 0121): {@code SESSION#<sha-256 of the session id>} / {@code SESSION}, with its person;
     * deleted on sign-out, gone by TTL after it expires.
     */
    static String session(String sessionFingerprint) {
        return "SESSION#" + sessionFingerprint;
    }

    static final String SESSION_SK = "SESSION";

    /**
     * A calendar feed's subject (docs/adr/0124): {@code FEED#<kind>:<name>} / {@code FEED}, holding its current token so
     * that its owner can be shown the URL again.
     */
    static String feed(String subjectKey) {
        return "FEED#" + subjectKey;
    }

    static final String FEED_SK = "FEED";

    /** A feed token's lookup item: {@code FEEDTOKEN#<sha-256 of the token>} / {@code FEEDTOKEN}, naming the subject. */
    static String feedToken(String tokenHash) {
        return "FEEDTOKEN#" + tokenHash;
    }

    static final String FEED_TOKEN_SK = "FEEDTOKEN";

    /** The incident counter (ADR 0006): {@code COUNTER#incident} / {@code COUNTER}, the number of the last incident. */
    static final String INCIDENT_COUNTER = "COUNTER#incident";
    static final String COUNTER_SK = "COUNTER";

    /** The configuration in force: {@code CONFIG} / {@code CURRENT}, pointing at a version. */
    static final String CONFIG_POINTER = "CONFIG";
    static final String CONFIG_POINTER_SK = "CURRENT";

    /** The items of one configuration version: {@code CONFIG#<version>} / {@code <section>} or {@code <section>#<name>}. */
    static String config(long version) {
        return CONFIG_POINTER + "#" + version;
    }

    // ---- index partitions

    /** GSI1: open incidents (sparse), {@code OPEN} / {@code <service>#<openedAt>#<id>}. */
    static final String OPEN_PARTITION = "OPEN";
    /** GSI1: pending pages (sparse), {@code PAGE#PENDING} / {@code <dueAt>#<pageId>}. */
    static final String PENDING_PAGES_PARTITION = "PAGE#PENDING";
    /** GSI1: active escalations (sparse), {@code ESCALATION#DUE} / {@code <nextAt>#<id>}. */
    static final String DUE_ESCALATIONS_PARTITION = "ESCALATION#DUE";

    /** GSI1: heartbeat monitors that can expire (sparse), {@code HEARTBEAT#DUE} / {@code <dueAt>#<name>}. */
    static final String DUE_HEARTBEATS_PARTITION = "HEARTBEAT#DUE";

    /** GSI2: every heartbeat monitor's token item, {@code HEARTBEAT#ALL} / {@code <name>}. */
    static final String ALL_HEARTBEATS_PARTITION = "HEARTBEAT#ALL";

    /** GSI2: a service's incidents, {@code SERVICE#<service>} / {@code <openedAt>#<id>}. */
    static String service(String service) {
        return "SERVICE#" + service;
    }

    /** GSI3: incidents by the month they opened, {@code MONTH#<yyyy-MM>} / {@code <openedAt>#<id>}. */
    static final String INCIDENT_MONTH_PREFIX = "MONTH#";
    /** GSI3: incident metrics by the month the incident opened, {@code METRICS#<yyyy-MM>} / {@code <openedAt>#<id>}. */
    static final String METRICS_MONTH_PREFIX = "METRICS#";

    static String month(Instant at) {
        return INCIDENT_MONTH_PREFIX + MONTH.format(at);
    }

    // ---- times in keys

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    /** The upper bound of the due-index sort keys ({@code <at>#<id>}) of everything due at or before {@code now}. */
    static String dueBy(Instant now) {
        return sortable(now) + "#~";
    }
}
