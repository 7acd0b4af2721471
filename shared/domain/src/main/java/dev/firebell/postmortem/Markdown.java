package dev.firebell.postmortem;

/**
 * Writing text people typed (notes, resolutions, titles) and text alarms carry into Markdown that GitHub, GitLab
 * and common wikis render as that text and nothing else: no HTML, no headings, links, tables or code blocks that
 * the author did not write. Every character the reader typed is still there; only its Markdown meaning is taken
 * away.
 */
final class Markdown {

    private Markdown() {
    }

    /**
     * Inline text: one line (line breaks become spaces), with every character that could start Markdown or HTML
     * escaped, including list and heading markers at its start. Safe in paragraphs, list items and table cells.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                space = true;
                continue;
            }
            if (Character.isISOControl(c)) {
                continue;
            }
            if (space) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                space = false;
            }
            appendEscaped(c, b);
        }
        String line = b.toString().strip();
        return line.isEmpty() ? line : escapeLineStart(line);
    }

    /**
     * Text that may span lines, as a blockquote: each line is escaped as {@link #text} and quoted, so a line of
     * the original can neither end the quote nor start a heading, list, rule or code block.
     */
    static String quote(String s, String indent) {
        StringBuilder b = new StringBuilder();
        String[] lines = (s == null ? "" : s).split("\\R", -1);
        for (String line : lines) {
            String escaped = text(line);
            b.append(indent).append('>');
            if (!escaped.isEmpty()) {
                b.append(' ').append(escaped);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** An identifier (alarm name, ARN) as inline code; backticks inside are fenced by a longer run. */
    static String code(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String flat = s.replaceAll("[\\r\\n\\t]+", " ");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`");
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /** A table cell: GFM splits cells on every unescaped pipe, even inside code spans. */
    static String cell(String inline) {
        StringBuilder b = new StringBuilder(inline.length() + 4);
        int backslashes = 0;
        for (int i = 0; i < inline.length(); i++) {
            char c = inline.charAt(i);
            if (c == '|' && backslashes % 2 == 0) {
                b.append('\\');
            }
            b.append(c);
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return b.toString();
    }

    /** A link whose destination is ours (console URLs): angle brackets allow the parentheses JSURL is made of. */
    static String link(String label, String url) {
        if (url.indexOf('<') >= 0 || url.indexOf('>') >= 0 || url.indexOf('\n') >= 0 || url.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("not a link destination: " + url);
        }
        return "[" + text(label) + "](<" + url + ">)";
    }

    private static void appendEscaped(char c, StringBuilder b) {
        switch (c) {
            case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!', '<', '&' -> b.append('\\').append(c);
            default -> b.append(c);
        }
    }

    /**
     * Characters that mean something only at the start of a line: block quotes, list markers, setext underlines,
     * ordered lists. ({@code <} and {@code &} are escaped everywhere, so a {@code >} elsewhere cannot close a tag.)
     */
    private static String escapeLineStart(String line) {
        char first = line.charAt(0);
        if (first == '-' || first == '+' || first == '=' || first == '>') {
            return "\\" + line;
        }
        int digits = 0;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return line;
    }
}
