package dev.firebell.chat;

import java.util.Set;
import java.util.TreeSet;

/**
 * Splits what follows {@code declare SEV2} into a title and an optional service: {@code Checkout is failing checkout}
 * ends with a configured service's name, so that is the service; {@code "Checkout is failing" checkout} says it
 * with quotes (straight or the curly ones Slack clients type); anything else is all title.
 */
record DeclareText(String title, String service) {

    private static final String OPENING = "\"“”„";
    private static final String CLOSING = "\"”“";

    static DeclareText split(String text, Set<String> services) {
        String s = text.strip();
        String title;
        String service = null;
        if (!s.isEmpty() && OPENING.indexOf(s.charAt(0)) >= 0) {
            int close = -1;
            for (int i = 1; i < s.length(); i++) {
                if (CLOSING.indexOf(s.charAt(i)) >= 0) {
                    close = i;
                    break;
                }
            }
            if (close < 0) {
                throw new UsageException("the title's closing quote is missing", Subcommand.DECLARE);
            }
            title = s.substring(1, close);
            String after = s.substring(close + 1).strip();
            if (!after.isEmpty()) {
                if (after.split("\\s+").length > 1) {
                    throw new UsageException("after the quoted title only a service name may follow, not '" + after
                            + "'", Subcommand.DECLARE);
                }
                if (!services.isEmpty() && !services.contains(after)) {
                    throw new UsageException("'" + after + "' is not a configured service; configured: "
                            + String.join(", ", new TreeSet<>(services)), Subcommand.DECLARE);
                }
                service = after;
            }
        } else {
            int lastSpace = lastSpace(s);
            String last = lastSpace < 0 ? null : s.substring(lastSpace + 1);
            if (last != null && services.contains(last)) {
                service = last;
                title = s.substring(0, lastSpace);
            } else {
                title = s;
            }
        }
        title = title.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw new UsageException("the title is missing: say in a few words what is wrong", Subcommand.DECLARE);
        }
        CommandParser.freeText(title, "title", CommandParser.MAX_TITLE, Subcommand.DECLARE);
        return new DeclareText(title, service);
    }

    private static int lastSpace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
