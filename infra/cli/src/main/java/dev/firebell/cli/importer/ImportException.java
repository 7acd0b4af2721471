package dev.firebell.cli.importer;

/**
 * An export that cannot be imported: unreadable, not JSON, truncated, from another tool, or not the API
 * response that was expected. The message names the file and what was expected there; nothing is written.
 */
public final class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
