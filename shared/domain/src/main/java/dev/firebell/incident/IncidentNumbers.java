package dev.firebell.incident;

/**
 * Incident ids are the numbers 1, 2, 3... in the order incidents were created, without gaps (ADR 0006): a store
 * proposes the number after the last one taken, and takes it only in the write that creates the incident.
 */
public final class IncidentNumbers {

    private IncidentNumbers() {
    }

    /** The id that follows {@code last} (0 when no incident exists yet). */
    public static String after(long last) {
        return Long.toString(last + 1);
    }

    /**
     * The number an incident id stands for.
     *
     * @throws IllegalArgumentException the id is not a positive number, so no store could have proposed it
     */
    public static long of(String incidentId) {
        if (incidentId == null || !incidentId.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("incident id '" + incidentId + "' is not a positive number: new incidents"
                    + " take their id from IncidentStore.nextIncidentId()");
        }
        return Long.parseLong(incidentId);
    }
}
