package dev.firebell.web;

/**
 * Text into HTML: every value shown on a page goes through {@link #escape}, in element content and in quoted
 * attribute values alike, so nothing a person typed (an incident title, a note) or an alarm carried can become markup.
 */
public final class Html {

    private Html() {
    }

    /**
     * {@code & < > " '} as character references; control characters (but tab and line breaks) dropped, since HTML
     * forbids them; a null as the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
