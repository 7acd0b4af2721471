package dev.firebell.incident;

/** How many pages one dispatch sent, left pending after a failure, or cancelled as no longer needed. */
public record DispatchReport(int sent, int failed, int cancelled) {
    public static final DispatchReport NONE = new DispatchReport(0, 0, 0);

    public DispatchReport plus(DispatchReport other) {
        return new DispatchReport(sent + other.sent, failed + other.failed, cancelled + other.cancelled);
    }
}
