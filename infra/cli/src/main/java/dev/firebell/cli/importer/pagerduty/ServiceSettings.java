package dev.firebell.cli.importer.pagerduty;

import dev.firebell.cli.importer.ConfigDraft;
import dev.firebell.cli.importer.Drafts;
import dev.firebell.cli.importer.ExportNode;
import dev.firebell.cli.importer.SourceRef;
import java.time.Duration;

/**
 * A PagerDuty service's settings beside its escalation policy: alert grouping (Firebell's grouping window),
 * and what Firebell does not do (time-based resolve and re-trigger, urgencies, support hours, integrations).
 */
final class ServiceSettings {

    private static final Duration MAX_GROUPING = Duration.ofHours(24);

    private ServiceSettings() {
    }

    /** Reports what cannot be mapped; returns the grouping window to write, or null for Firebell's default. */
    static Duration read(ConfigDraft draft, ExportNode service, SourceRef ref, String anchor) {
        if ("disabled".equals(service.optText("status"))) {
            draft.approximated(ref, anchor, "disabled in PagerDuty; Firebell pages for it as soon as alarms are routed"
                    + " to it");
        }
        Long resolve = service.optNumber("auto_resolve_timeout");
        if (resolve != null && resolve > 0) {
            draft.notMapped(ref, anchor, "resolves incidents left open " + resolve / 60 + " min: Firebell resolves"
                    + " when the alarm returns to OK (autoResolve), never on a timer");
        }
        Long ack = service.optNumber("acknowledgement_timeout");
        if (ack != null && ack > 0) {
            draft.notMapped(ref, anchor, "triggers acknowledged incidents again after " + ack / 60 + " min: Firebell"
                    + " keeps an acknowledged incident acknowledged");
        }
        urgency(draft, service, ref, anchor);
        if (service.get("auto_pause_notifications_parameters").isObject()
                && service.get("auto_pause_notifications_parameters").bool("enabled", false)) {
            draft.notMapped(ref, anchor, "pauses notifications of transient alerts: Firebell has no such pause"
                    + " (grouping and auto-resolve keep flapping alarms quiet)");
        }
        for (ExportNode action : service.items("scheduled_actions")) {
            draft.notMapped(ref, anchor, "scheduled action " + action.optText("type") + ": Firebell has no urgencies");
        }
        for (ExportNode integration : service.items("integrations")) {
            String type = integration.optText("type");
            draft.notMapped(new SourceRef("integration", integration.text("id"), integration.optText("summary")), anchor,
                    Drafts.integration("the service", type == null ? null : type.replace("_reference", "")));
        }
        return grouping(draft, service, ref, anchor);
    }

    private static void urgency(ConfigDraft draft, ExportNode service, SourceRef ref, String anchor) {
        ExportNode rule = service.get("incident_urgency_rule");
        if (!rule.isObject()) {
            return;
        }
        String type = rule.optText("type");
        if ("constant".equals(type) && "high".equals(rule.optText("urgency"))) {
            return;
        }
        draft.notMapped(ref, anchor, "incident urgency " + ("constant".equals(type) ? rule.optText("urgency")
                : "by support hours") + ": Firebell has severities per alarm instead; route low-urgency alarms with"
                + " SEV4/SEV5 and hold them with quietHours");
    }

    private static Duration grouping(ConfigDraft draft, ExportNode service, SourceRef ref, String anchor) {
        ExportNode grouping = service.get("alert_grouping_parameters");
        if (grouping.isMissing()) {
            return null;
        }
        String type = grouping.isObject() ? grouping.optText("type") : null;
        if (type == null) {
            // Grouping off in PagerDuty: one incident per alert.
            return Duration.ZERO;
        }
        if ("time".equals(type) && grouping.get("config").isObject()) {
            Long minutes = grouping.get("config").optNumber("timeout");
            if (minutes != null && minutes > 0 && Duration.ofMinutes(minutes).compareTo(MAX_GROUPING) <= 0) {
                return Duration.ofMinutes(minutes);
            }
        }
        draft.notMapped(ref, anchor, type + " alert grouping: Firebell groups the alarms of a service by time"
                + " (groupingWindow, default 5m)");
        return null;
    }
}
