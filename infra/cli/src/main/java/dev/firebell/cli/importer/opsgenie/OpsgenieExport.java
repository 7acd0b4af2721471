package dev.firebell.cli.importer.opsgenie;

import dev.firebell.cli.importer.ExportFile;
import dev.firebell.cli.importer.ExportIndex;
import dev.firebell.cli.importer.ExportNode;
import dev.firebell.cli.importer.ImportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of an Opsgenie export: every response is {@code {"data": ..., "took": ..., "requestId": ...}}, so
 * what a file holds is told by the shape of its data (a user has a username, a schedule a timezone, an
 * escalation rules...). Overrides and routing rules that do not name their schedule or team are attributed
 * by the id in the file's name.
 */
final class OpsgenieExport {

    static final String USER = "user";
    static final String TEAM = "team";
    static final String SCHEDULE = "schedule";
    static final String ESCALATION = "escalation";
    static final String INTEGRATION = "integration";

    final ExportIndex index = new ExportIndex();
    /** Timelines by schedule id. */
    final Map<String, ExportNode> timelines = new TreeMap<>();
    /** Overrides by schedule id, routing rules by team id, in file order. */
    final Map<String, List<ExportNode>> overrides = new TreeMap<>();
    final Map<String, List<ExportNode>> routingRules = new TreeMap<>();

    static boolean recognises(ExportNode root) {
        return root.isObject() && root.has("requestId") && (root.get("data").isArray() || root.get("data").isObject());
    }

    static OpsgenieExport of(List<ExportFile> files) {
        OpsgenieExport export = new OpsgenieExport();
        List<ExportFile> unowned = new ArrayList<>();
        for (ExportFile f : files) {
            ExportNode data = f.root().get("data");
            if (data.isObject() && data.has("finalTimeline")) {
                export.timelines.put(data.get("_parent").text("id"), data);
                continue;
            }
            List<ExportNode> items = data.isArray() ? data.items() : List.of(data);
            for (ExportNode item : items) {
                String kind = kind(item);
                if (kind == null) {
                    unowned.add(f);
                    break;
                }
                if (kind.equals("override") && item.get("_parent").isObject()) {
                    export.overrides.computeIfAbsent(item.get("_parent").text("id"), k -> new ArrayList<>()).add(item);
                } else if (!kind.equals("override") && !kind.equals("routing rule")) {
                    export.index.put(kind, item.text("id"), item);
                } else {
                    unowned.add(f);
                    break;
                }
            }
        }
        for (ExportFile f : unowned) {
            List<ExportNode> items = f.root().get("data").isArray() ? f.root().items("data") : List.of(f.root().get("data"));
            String kind = items.isEmpty() ? null : kind(items.get(0));
            if ("override".equals(kind)) {
                String schedule = ExportIndex.owner(f, export.index.ids(SCHEDULE), "the overrides of a schedule",
                        "overrides-<schedule id>.json");
                export.overrides.computeIfAbsent(schedule, k -> new ArrayList<>()).addAll(items);
            } else if ("routing rule".equals(kind)) {
                String team = ExportIndex.owner(f, export.index.ids(TEAM), "the routing rules of a team",
                        "routing-rules-<team id>.json");
                export.routingRules.computeIfAbsent(team, k -> new ArrayList<>()).addAll(items);
            } else if (!items.isEmpty()) {
                throw new ImportException(f.path() + ": holds Opsgenie data this import does not read ("
                        + items.get(0).keys() + "); expected users, teams, schedules (with rotations), timelines,"
                        + " overrides, escalations, routing rules or integrations");
            }
        }
        return export;
    }

    /** What an item of data is, by its shape; null when nothing tells. */
    private static String kind(ExportNode item) {
        if (!item.isObject()) {
            return null;
        }
        if (item.has("username") && item.has("fullName")) {
            return USER;
        }
        if (item.has("isDefault") || item.has("notify") && item.has("criteria")) {
            return "routing rule";
        }
        if (item.has("startDate") && item.has("user")) {
            return "override";
        }
        if (item.has("rotations") || item.has("timezone") && item.has("enabled")) {
            return SCHEDULE;
        }
        if (item.has("rules") && item.get("rules").isArray()) {
            return ESCALATION;
        }
        if (item.has("type") && item.has("enabled") && item.has("id")) {
            return INTEGRATION;
        }
        if (item.has("id") && item.has("name")) {
            return TEAM;
        }
        return null;
    }

    List<ExportNode> overrides(String schedule) {
        return overrides.getOrDefault(schedule, List.of());
    }

    List<ExportNode> routingRules(String team) {
        return routingRules.getOrDefault(team, List.of());
    }
}
