package dev.firebell.postmortem;

/**
 * Wording in text people wrote that may read as blame, for the review list at the top of a draft.
 *
 * @param source   where the text comes from, e.g. "note by alice at 2026-11-27 09:05 UTC"
 * @param phrase   the words that matched, as written
 * @param excerpt  the words around them, as written
 * @param guidance how to say it about conditions and systems instead
 */
public record BlameFinding(String source, String phrase, String excerpt, String guidance) {
}
