package dev.firebell.postmortem;

import java.util.Objects;

/**
 * One stored version of a draft.
 *
 * @param location        where it is, e.g. {@code s3://bucket/postmortems/42.md}
 * @param versionId       the store's version id; every regeneration that changed the text is a new version
 * @param sha256          hex SHA-256 of the Markdown bytes, to recognise an unchanged regeneration
 * @param announced       whether subscribers were told about this version
 * @param consoleUrl      where a person opens it in a browser
 * @param retrieveCommand a command that downloads exactly this version
 */
public record StoredDraft(String incidentId, String location, String versionId, String sha256, boolean announced,
                          String consoleUrl, String retrieveCommand) {

    public StoredDraft {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
    }

    public StoredDraft withAnnounced() {
        return new StoredDraft(incidentId, location, versionId, sha256, true, consoleUrl, retrieveCommand);
    }
}
