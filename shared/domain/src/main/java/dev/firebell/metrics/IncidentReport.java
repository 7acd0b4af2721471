package dev.firebell.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * MTTA and MTTR over a period, per service and per severity, and the noisiest alarms.
 *
 * @param estimated    resolved incidents whose metrics were not recorded by the postmortem function (yet), so they
 *                     were computed from the incident record alone (acknowledgement on record, no pages)
 * @param noisyWithin  an incident auto-resolved within this long counts as noise
 * @param loudest      the alarms behind the most incidents of the period, opened or grouped into (ADR 0128)
 */
public record IncidentReport(
        Instant from,
        Instant to,
        int incidents,
        int open,
        int estimated,
        Duration noisyWithin,
        Stats overall,
        List<Stats> byService,
        List<Stats> bySeverity,
        List<NoisyAlarm> noisiest,
        List<LoudAlarm> loudest) {

    /**
     * @param acknowledge time to acknowledge (MTTA is its mean) over the acknowledged incidents
     * @param resolve     time to resolve (MTTR is its mean) over the resolved incidents
     */
    public record Stats(String key, int incidents, int resolved, int acknowledged, int autoResolved,
                        DurationSummary acknowledge, DurationSummary resolve, DurationSummary detect) {
    }

    /**
     * One alarm (dedup key) and how often its incidents went away on their own; ranked by quick auto-resolutions
     * plus reopens, since a flap is an auto-resolution that came back.
     *
     * @param quickAutoResolved incidents the alarm's own OK resolved within {@code noisyWithin}
     * @param reopens           times its incidents were reopened by a flap (ALARM again soon after OK)
     */
    public record NoisyAlarm(String alarm, String dedupKey, String service, int incidents, int quickAutoResolved,
                             int reopens, Duration medianDuration) {
    }

    /**
     * One alarm (dedup key) and how much of the period's paging it caused: the incidents it opened, the incidents of
     * other alarms of its service it was grouped into (by name, as far as the incident lists its members), and the
     * ALARM deliveries folded into the incidents it opened (repeats included).
     */
    public record LoudAlarm(String alarm, String dedupKey, String service, int opened, int groupedInto, int fired) {

        /** The incidents it took part in. */
        public int incidents() {
            return opened + groupedInto;
        }
    }
}
