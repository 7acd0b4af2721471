package dev.firebell.postmortem;

import java.util.Optional;

/**
 * Port: durable, versioned drafts, one document per incident. Saving never overwrites an earlier version; the
 * latest version is what retrieval by incident id gives.
 */
public interface PostmortemStore {

    /** The latest version of the incident's draft, if one was stored. */
    Optional<StoredDraft> latest(String incidentId);

    /** Stores the draft as the incident's new latest version; earlier versions stay retrievable. */
    StoredDraft save(PostmortemDraft draft);

    /** Records that subscribers were told about this version (so a retry does not tell them twice). */
    void markAnnounced(StoredDraft draft);
}
