package dev.firebell.config;

/**
 * One thing wrong with a configuration.
 *
 * @param path where, as a dotted path ({@code services.checkout.reopenWindow}); the YAML loader
 *             turns it into a file and line
 */
public record ConfigProblem(String path, String message) {
    @Override
    public String toString() {
        return (path.isEmpty() ? "" : path + ": ") + message;
    }
}
