package dev.firebell.paging;

import java.text.Normalizer;

/**
 * SMS text in the GSM 03.38 alphabet, the one that fits 160 characters in a message. A single character outside it
 * (an emoji, a curly quote, an ellipsis) makes the whole message UCS-2: 70 characters a segment, so a page that would
 * have been two segments becomes five. Pages are therefore kept to GSM-7, and sized in septets: 160 for a single
 * message, 153 a segment once it is split (7 go to the header that joins them), the extension characters
 * ({@code ^ { } \ [ ~ ] | €}) counting two and never split across segments.
 */
public final class SmsText {

    /** One message. */
    public static final int SINGLE = 160;
    /** A segment of a message split in several. */
    public static final int PER_SEGMENT = 153;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€";

    private SmsText() {
    }

    /** Whether the character is in the GSM 03.38 default alphabet or its extension. */
    public static boolean isGsm(char c) {
        return BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0;
    }

    /**
     * The text in GSM-7 on one line: line breaks and other controls become spaces, accents the alphabet lacks are
     * dropped ({@code ł} stays {@code ?}, {@code ō} becomes {@code o}), typographic quotes, dashes and the ellipsis
     * become their ASCII forms, and anything else becomes {@code ?}.
     */
    public static String sanitize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            out.append(gsm(cp));
        }
        return out.toString();
    }

    private static String gsm(int cp) {
        if (cp < 0x10000 && cp != '\n' && cp != '\r' && isGsm((char) cp)) {
            return String.valueOf((char) cp);
        }
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        switch (cp) {
            case '\u2018', '\u2019', '\u201A', '\u2032' -> {
                return "'";
            }
            case '\u201C', '\u201D', '\u201E', '\u2033' -> {
                return "\"";
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> {
                return "-";
            }
            case '\u2026' -> {
                return "...";
            }
            case '`' -> {
                return "'";
            }
            default -> {
            }
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return decomposed.length() > 1 && base < 0x80 && isGsm(base) ? String.valueOf(base) : "?";
    }

    /** Septets the text takes in GSM-7 (extension characters count two). The text must be {@link #sanitize}d. */
    public static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return n;
    }

    /** How many SMS the text is sent as. The text must be {@link #sanitize}d. */
    public static int segments(String text) {
        if (septets(text) <= SINGLE) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > PER_SEGMENT) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return segments;
    }

    /** The longest prefix of the text that fits in {@code septets}, ending with "..." when it was cut. */
    public static String truncate(String text, int septets) {
        if (septets(text) <= septets) {
            return text;
        }
        int budget = septets - 3;
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int size = EXTENSION.indexOf(text.charAt(end)) >= 0 ? 2 : 1;
            if (used + size > budget) {
                break;
            }
            used += size;
            end++;
        }
        return text.substring(0, end).stripTrailing() + "...";
    }

    /** Septets a text of {@code segments} messages may take. */
    public static int capacity(int segments) {
        return segments <= 1 ? SINGLE : segments * PER_SEGMENT;
    }
}
