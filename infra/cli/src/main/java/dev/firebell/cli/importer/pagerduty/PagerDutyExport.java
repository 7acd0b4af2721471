package dev.firebell.cli.importer.pagerduty;

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
 * The files of a PagerDuty export sorted into users, teams, schedules, overrides, escalation policies and
 * services. Lists ({@code GET /users}, any page) and single objects ({@code GET /schedules/{id}}) are both
 * read. Responses that do not name their owner ({@code GET /schedules/{id}/overrides},
 * {@code GET /users/{id}/contact_methods}) are attributed by the id in the file's name.
 */
final class PagerDutyExport {

    static final String USER = "user";
    static final String TEAM = "team";
    static final String SCHEDULE = "schedule";
    static final String POLICY = "escalation_policy";
    static final String SERVICE = "service";

    /** Response key of a list, and the kind of its items. */
    private static final Map<String, String> LISTS = Map.of("users", USER, "teams", TEAM, "schedules", SCHEDULE,
            "escalation_policies", POLICY, "services", SERVICE);
    private static final Set<String> SINGLES = Set.of(USER, TEAM, SCHEDULE, POLICY, SERVICE);
    /** Lists whose owner only the file name tells: key, then the kind of owner. */
    private static final Map<String, String> OWNED = Map.of("overrides", SCHEDULE, "contact_methods", USER,
            "notification_rules", USER, "members", TEAM);

    final ExportIndex index = new ExportIndex();
    /** Owned lists by key ("overrides"), then owner id, items in file order. */
    final Map<String, Map<String, List<ExportNode>>> owned = new TreeMap<>();

    static boolean recognises(ExportNode root) {
        if (!root.isObject()) {
            return false;
        }
        if (root.get("error").isObject() && root.keys().size() == 1) {
            return true;
        }
        for (String key : root.keys()) {
            if ((LISTS.containsKey(key) || OWNED.containsKey(key)) && root.get(key).isArray()) {
                return true;
            }
            if (SINGLES.contains(key) && root.get(key).isObject()) {
                return true;
            }
        }
        return false;
    }

    static PagerDutyExport of(List<ExportFile> files) {
        PagerDutyExport export = new PagerDutyExport();
        List<ExportFile> ownedFiles = new ArrayList<>();
        for (ExportFile f : files) {
            ExportNode root = f.root();
            if (root.get("error").isObject()) {
                throw new ImportException(f.path() + ": holds a PagerDuty error response ("
                        + root.get("error").optText("message") + "), not data; export it again");
            }
            for (String key : root.keys()) {
                if (LISTS.containsKey(key) && root.get(key).isArray()) {
                    for (ExportNode item : root.items(key)) {
                        export.index.put(LISTS.get(key), item.text("id"), item);
                    }
                } else if (SINGLES.contains(key) && root.get(key).isObject()) {
                    export.index.put(key, root.get(key).text("id"), root.get(key));
                } else if (OWNED.containsKey(key) && root.get(key).isArray()) {
                    ownedFiles.add(f);
                }
            }
        }
        for (ExportFile f : ownedFiles) {
            for (Map.Entry<String, String> e : OWNED.entrySet()) {
                if (!f.root().get(e.getKey()).isArray()) {
                    continue;
                }
                String owner = ExportIndex.owner(f, export.index.ids(e.getValue()),
                        "the " + e.getKey() + " of a " + e.getValue().replace('_', ' '),
                        e.getKey() + "-" + (e.getValue().equals(SCHEDULE) ? "PI7DH85" : "PXPGF42") + ".json");
                export.owned.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                        .computeIfAbsent(owner, k -> new ArrayList<>()).addAll(f.root().items(e.getKey()));
            }
        }
        return export;
    }

    List<ExportNode> owned(String key, String owner) {
        return owned.getOrDefault(key, Map.of()).getOrDefault(owner, List.of());
    }
}
