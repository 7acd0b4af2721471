package dev.firebell.cli.importer.grafana;

import dev.firebell.cli.importer.ExportFile;
import dev.firebell.cli.importer.ExportIndex;
import dev.firebell.cli.importer.ExportNode;
import dev.firebell.cli.importer.ImportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files of a Grafana OnCall export: list responses ({@code {"count", "next", "results": [...]}}, any page)
 * or single objects from {@code /api/v1/...}. What a result is shows in its shape. A schedule's final shifts do
 * not name the schedule: the file's name does.
 */
final class GrafanaExport {

    static final String USER = "user";
    static final String TEAM = "team";
    static final String SCHEDULE = "schedule";
    static final String SHIFT = "on_call_shift";
    static final String CHAIN = "escalation_chain";
    static final String STEP = "escalation_policy";
    static final String INTEGRATION = "integration";
    static final String ROUTE = "route";
    static final String NOTIFICATION_RULE = "personal_notification_rule";
    private static final String FINAL_SHIFT = "final_shift";

    private static final Set<String> SHIFT_TYPES = Set.of("single_event", "recurrent_event", "rolling_users", "override");
    private static final Set<String> SCHEDULE_TYPES = Set.of("ical", "calendar", "web");

    final ExportIndex index = new ExportIndex();
    final Map<String, List<ExportNode>> finalShifts = new TreeMap<>();

    static boolean recognises(ExportNode root) {
        if (!root.isObject()) {
            return false;
        }
        if (root.get("results").isArray() && root.keys().contains("count")) {
            return true;
        }
        return kind(root) != null;
    }

    static GrafanaExport of(List<ExportFile> files) {
        GrafanaExport export = new GrafanaExport();
        List<ExportFile> finalShiftFiles = new ArrayList<>();
        for (ExportFile f : files) {
            List<ExportNode> items = f.root().get("results").isArray() ? f.root().items("results") : List.of(f.root());
            for (ExportNode item : items) {
                String kind = kind(item);
                if (kind == null) {
                    throw new ImportException(f.path() + ": " + item.path() + ": not a Grafana OnCall object this import"
                            + " reads (keys " + item.keys() + "); expected users, teams, schedules, on-call shifts,"
                            + " final shifts, escalation chains and policies, integrations or routes");
                }
                if (kind.equals(FINAL_SHIFT)) {
                    finalShiftFiles.add(f);
                    break;
                }
                export.index.put(kind, item.text("id"), item);
            }
        }
        for (ExportFile f : finalShiftFiles) {
            String schedule = ExportIndex.owner(f, export.index.ids(SCHEDULE), "the final shifts of a schedule",
                    "final-shifts-<schedule id>.json");
            export.finalShifts.computeIfAbsent(schedule, k -> new ArrayList<>()).addAll(f.root().items("results"));
        }
        return export;
    }

    /** What a result is, by its shape; null when nothing tells. */
    static String kind(ExportNode item) {
        if (!item.isObject()) {
            return null;
        }
        String type = item.get("type").isAbsent() ? null : item.optText("type");
        if (item.has("user_pk") && item.has("shift_start")) {
            return FINAL_SHIFT;
        }
        if (item.has("email") && item.has("username")) {
            return USER;
        }
        if (item.has("integration_id") && item.keys().contains("routing_regex")) {
            return ROUTE;
        }
        if (item.has("escalation_chain_id") && item.keys().contains("position")) {
            return STEP;
        }
        if (item.has("user_id") && type != null && (type.startsWith("notify_by") || type.equals("wait"))) {
            return NOTIFICATION_RULE;
        }
        if (item.keys().contains("default_route")) {
            return INTEGRATION;
        }
        if (type != null && SHIFT_TYPES.contains(type)) {
            return SHIFT;
        }
        if (type != null && SCHEDULE_TYPES.contains(type) || item.keys().contains("on_call_now")) {
            return SCHEDULE;
        }
        if (item.keys().contains("avatar_url")) {
            return TEAM;
        }
        if (item.has("id") && item.has("name") && item.keys().contains("team_id") && item.keys().size() == 3) {
            return CHAIN;
        }
        return null;
    }
}
