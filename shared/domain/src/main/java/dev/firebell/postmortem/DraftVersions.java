package dev.firebell.postmortem;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: reading the stored versions of an incident's draft, for people (the console). Apart from
 * {@link PostmortemStore}, which writes them: a reader needs none of the writer's permissions.
 */
public interface DraftVersions {

    /** Every stored version of the incident's draft, newest first; empty when no draft was ever written. */
    List<Version> versions(String incidentId);

    /** The Markdown of one version (one the listing gave), if it is still there. */
    Optional<String> text(String incidentId, String versionId);

    /**
     * One version of a draft.
     *
     * @param versionId the store's id of it (opaque; "null" for a bucket without versioning)
     * @param savedAt   when it was written
     * @param bytes     its size
     * @param latest    whether it is what the incident's draft reads as now
     */
    record Version(String versionId, Instant savedAt, long bytes, boolean latest) {

        public Version {
            Objects.requireNonNull(versionId, "versionId");
            Objects.requireNonNull(savedAt, "savedAt");
        }
    }
}
