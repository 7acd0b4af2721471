package dev.firebell.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * RFC 5545 content lines: {@code NAME:value}, each ended by CRLF and folded so that no line is longer than 75 octets
 * (a continuation line starts with one space, which counts), never splitting a UTF-8 character. TEXT values are
 * escaped ({@code \\ \; \, \n}); other control characters, which the RFC does not allow in TEXT, are dropped.
 */
public final class ICalendarWriter {

    /** The longest line RFC 5545 allows, in octets, without its CRLF. */
    static final int MAX_OCTETS = 75;
    static final String CRLF = "\r\n";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(4096);

    /** A property whose value is written as given (already in its type's form: a date, a number, a URI...). */
    public ICalendarWriter property(String name, String value) {
        fold(name + ":" + value, out);
        return this;
    }

    /** A TEXT property: the value escaped. */
    public ICalendarWriter text(String name, String value) {
        return property(name, escape(value));
    }

    /** A DATE-TIME property in UTC ({@code 20270328T010000Z}), to the second. */
    public ICalendarWriter utc(String name, Instant at) {
        return property(name, utc(at));
    }

    public ICalendarWriter begin(String component) {
        return property("BEGIN", component);
    }

    public ICalendarWriter end(String component) {
        return property("END", component);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public static String utc(Instant at) {
        return UTC.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A TEXT value: backslash, semicolon and comma escaped, every line break as {@code \n}, other controls dropped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    b.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (c == '\t' || c >= 0x20 && c != 0x7f) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Appends {@code line} folded at 75 octets, each part ended by CRLF, a character's bytes never split. */
    static void fold(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.append(line, i, i + chars);
            octets += size;
            i += chars;
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
