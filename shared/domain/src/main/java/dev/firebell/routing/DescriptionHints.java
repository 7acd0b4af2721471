package dev.firebell.routing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opt-in convention that lets alarm owners route their own alarms: {@code service=checkout} and
 * {@code severity=SEV2} anywhere in the alarm description (separated by spaces, commas or semicolons).
 */
public record DescriptionHints(Optional<String> service, Optional<String> severity) {

    private static final Pattern SERVICE = Pattern.compile("(?:^|[\\s,;(\\[])service\\s*=\\s*([A-Za-z0-9._-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEVERITY = Pattern.compile("(?:^|[\\s,;(\\[])severity\\s*=\\s*([A-Za-z0-9]+)",
            Pattern.CASE_INSENSITIVE);

    public static DescriptionHints parse(String description) {
        if (description == null || description.isBlank()) {
            return new DescriptionHints(Optional.empty(), Optional.empty());
        }
        return new DescriptionHints(first(SERVICE, description).map(s -> s.toLowerCase(Locale.ROOT)),
                first(SEVERITY, description));
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
