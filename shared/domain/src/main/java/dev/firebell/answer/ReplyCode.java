package dev.firebell.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply to an SMS page, as GoAlert and PagerDuty users type them: {@code 7a} acknowledges #7, {@code 7e} escalates
 * it, {@code 7r} resolves it, a letter alone acts on the last page sent to the person. Case and spaces do not matter
 * ({@code 7 A}, {@code 7a.}); the words work too ({@code 7 ack}, {@code resolve 7}).
 *
 * @param incidentId null for "the last page sent to me"
 */
public record ReplyCode(String incidentId, PageAction action) {

    /** Longer replies are not codes (and are not read further). */
    static final int MAX_LENGTH = 40;

    private static final Pattern NUMBER_FIRST = Pattern.compile("#?([0-9]{1,9})?([a-z]+)");
    private static final Pattern WORD_FIRST = Pattern.compile("([a-z]+)#?([0-9]{1,9})");

    /** The code in a reply's text, or empty when it is not one. */
    public static Optional<ReplyCode> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String compact = text.toLowerCase(Locale.ROOT).replaceAll("[\\s.!]+", "");
        Matcher m = NUMBER_FIRST.matcher(compact);
        if (m.matches()) {
            return action(m.group(2)).map(a -> new ReplyCode(number(m.group(1)), a));
        }
        Matcher w = WORD_FIRST.matcher(compact);
        if (w.matches()) {
            return action(w.group(1)).map(a -> new ReplyCode(number(w.group(2)), a));
        }
        return Optional.empty();
    }

    private static Optional<PageAction> action(String word) {
        return switch (word) {
            case "a", "ack", "acknowledge" -> Optional.of(PageAction.ACKNOWLEDGE);
            case "e", "esc", "escalate" -> Optional.of(PageAction.ESCALATE);
            case "r", "res", "resolve" -> Optional.of(PageAction.RESOLVE);
            default -> Optional.empty();
        };
    }

    /** Without leading zeros, as incident ids are written; null stays null. */
    private static String number(String digits) {
        return digits == null ? null : String.valueOf(Long.parseLong(digits));
    }
}
