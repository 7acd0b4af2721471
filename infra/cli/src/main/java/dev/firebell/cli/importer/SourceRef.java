package dev.firebell.cli.importer;

/**
 * The object of the source tool something was made from: shown beside what was written and in every
 * report line, so that the user can find it in the old tool.
 *
 * @param kind  what it is in the source tool's words ("user", "schedule layer", "escalation rule")
 * @param id    its id there
 * @param label its name there, or null
 */
public record SourceRef(String kind, String id, String label) {

    @Override
    public String toString() {
        return kind + " " + id + (label == null || label.isBlank() || label.equals(id) ? "" : " (" + label + ")");
    }
}
