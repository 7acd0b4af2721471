package dev.firebell.incident;

import java.util.List;

/**
 * One page of a list of incidents, newest first.
 *
 * @param next where the next page starts; null when this page is the last
 */
public record IncidentPage(List<Incident> incidents, IncidentCursor next) {

    public IncidentPage {
        incidents = List.copyOf(incidents);
    }

    /**
     * The page from the first matches in order, read one more than the page holds: that one says whether a next page
     * exists, and the page ends at the last incident shown.
     */
    public static IncidentPage of(List<Incident> readOneMore, int limit) {
        if (readOneMore.size() <= limit) {
            return new IncidentPage(readOneMore, null);
        }
        List<Incident> shown = readOneMore.subList(0, limit);
        return new IncidentPage(shown, IncidentCursor.after(shown.get(limit - 1)));
    }
}
