package dev.firebell.incident;

import java.util.List;

/**
 * The alarms of one service grouped into an incident (ADR 0040). Kept on the incident item so that the decision
 * "was that the last alarm still in ALARM?" is one strongly consistent read.
 *
 * @param inAlarm     member alarms in ALARM now; the incident auto-resolves when the last of them returns to OK.
 *                    Always the number of dedup tracks pointing at this incident with {@code open} set: every
 *                    change of one is written in the same transaction as the change of the other
 * @param members     distinct alarms that were ever part of it, the first included
 * @param memberNames the first {@link #MAX_NAMES} of them, by name, for people; every member's ARN is on the
 *                    timeline (its {@code OPENED} or {@code GROUPED} entry)
 */
public record AlarmGroup(int inAlarm, int members, List<String> memberNames) {

    /**
     * Bounded because every write to the incident (a duplicate ALARM included) is billed by its size: 20 names
     * are about 600 bytes, 500 would be 15 KB and cost 15 write units per duplicate.
     */
    public static final int MAX_NAMES = 20;

    public AlarmGroup {
        memberNames = memberNames == null ? List.of() : List.copyOf(memberNames);
    }

    /** The group of an incident just opened by {@code alarmName}. */
    public static AlarmGroup first(String alarmName) {
        return new AlarmGroup(1, 1, List.of(alarmName));
    }

    /** Whether another member's name still fits in {@link #memberNames}. */
    public boolean listsMoreNames() {
        return memberNames.size() < MAX_NAMES;
    }
}
