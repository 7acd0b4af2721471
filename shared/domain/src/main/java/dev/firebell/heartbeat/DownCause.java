package dev.firebell.heartbeat;

/** Why a monitor is down, for the incident's reason. */
public enum DownCause {
    MISSED,
    FAILED,
    RAN_TOO_LONG
}
