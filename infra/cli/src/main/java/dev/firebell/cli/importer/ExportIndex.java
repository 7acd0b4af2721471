package dev.firebell.cli.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects of an export by kind and id, sorted by id (so importers allocate names in a stable order).
 * The same object may come from a list and from its own GET (or from two pages): the fuller copy is kept.
 */
public final class ExportIndex {

    private final Map<String, TreeMap<String, ExportNode>> byKind = new HashMap<>();

    public void put(String kind, String id, ExportNode object) {
        TreeMap<String, ExportNode> objects = byKind.computeIfAbsent(kind, k -> new TreeMap<>());
        ExportNode known = objects.get(id);
        if (known == null || object.keys().size() >= known.keys().size()) {
            objects.put(id, object);
        }
    }

    /** Every object of the kind, by id. */
    public Collection<ExportNode> all(String kind) {
        return byKind.getOrDefault(kind, new TreeMap<>()).values();
    }

    public ExportNode get(String kind, String id) {
        return id == null ? null : byKind.getOrDefault(kind, new TreeMap<>()).get(id);
    }

    public Collection<String> ids(String kind) {
        return byKind.getOrDefault(kind, new TreeMap<>()).keySet();
    }

    /**
     * The object a file belongs to when its response does not say (a schedule's overrides, a user's contact
     * methods): the one id among {@code ids} its name (or its directory's) contains.
     *
     * @param what what the file holds and whose, for the message ("the overrides of a schedule")
     */
    public static String owner(ExportFile file, Collection<String> ids, String what, String example) {
        List<String> named = new ArrayList<>();
        for (String id : ids) {
            if (file.namesId(id)) {
                named.add(id);
            }
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new ImportException(file.path() + ": holds " + what + ", and the response does not say whose: "
                + (named.isEmpty() ? "name the file after the id (e.g. " + example + ")"
                : "its name contains several ids " + named + "; name it after one"));
    }
}
