package dev.firebell.aws.dynamodb;

/** One difference between a configuration file and what is stored: {@code services/checkout changed}. */
public record ConfigChange(Kind kind, String item, Object before, Object after) {
    public enum Kind { ADDED, CHANGED, REMOVED }

    @Override
    public String toString() {
        return switch (kind) {
            case ADDED -> "+ " + item;
            case REMOVED -> "- " + item;
            case CHANGED -> "~ " + item;
        };
    }
}
