package dev.firebell.service;

/** What an alarm entering INSUFFICIENT_DATA means for a service. */
public enum InsufficientDataPolicy {
    /** Nothing happens (the default: missing data is rarely an incident by itself). */
    IGNORE,
    /** A note on the open incident's timeline, if there is one. */
    NOTE,
    /** Treated exactly like ALARM: missing data from this service is itself an outage. */
    ALARM
}
