package dev.firebell.alarm;

/**
 * Firebell's own alarms: every Firebell stack names the alarms about its own health {@code Firebell/<stack>/<what>}.
 * They notify that stack's ops topic only. No Firebell stack takes one as an incident, its own or another stack's: a
 * staging stack must not page about prod's health nor prod about staging's, and Firebell failing must not try to page
 * about itself through itself (docs/adr/0064, docs/adr/0093). The alarm rule of every stack leaves this prefix out;
 * {@link #isFirebells} catches what reaches the alarm function another way (an alarm action or the alarm topic).
 */
public final class OwnAlarms {

    /** The prefix, reserved: no application alarm should start with it. */
    public static final String NAME_PREFIX = "Firebell/";

    private OwnAlarms() {
    }

    public static boolean isFirebells(String alarmName) {
        return alarmName != null && alarmName.startsWith(NAME_PREFIX);
    }
}
