package dev.firebell.chat.slack;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded}, strictly: {@code +} is a space, every {@code %} is followed by two hex
 * digits, the decoded bytes are valid UTF-8, no name appears twice, at most {@link #MAX_FIELDS} fields. Anything
 * else is a {@link MalformedFormException}; a lenient decoder would let two readers of one body disagree.
 */
public final class FormBody {

    /** Slack sends about 15. */
    public static final int MAX_FIELDS = 64;

    private FormBody() {
    }

    public static Map<String, String> parse(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.length == 0) {
            return fields;
        }
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    field(body, start, i, fields);
                }
                start = i + 1;
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static void field(byte[] body, int from, int to, Map<String, String> fields) {
        if (fields.size() >= MAX_FIELDS) {
            throw new MalformedFormException("more than " + MAX_FIELDS + " fields");
        }
        int equals = -1;
        for (int i = from; i < to; i++) {
            if (body[i] == '=') {
                equals = i;
                break;
            }
        }
        String name = decode(body, from, equals < 0 ? to : equals);
        String value = equals < 0 ? "" : decode(body, equals + 1, to);
        if (name.isEmpty()) {
            throw new MalformedFormException("a field without a name");
        }
        if (fields.putIfAbsent(name, value) != null) {
            throw new MalformedFormException("field '" + printable(name) + "' appears twice");
        }
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new MalformedFormException("'%' without two hex digits after it");
                }
                int high = hex(body[i + 1]);
                int low = hex(body[i + 2]);
                if (high < 0 || low < 0) {
                    throw new MalformedFormException("'%' without two hex digits after it");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("text that is not UTF-8");
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The body is not a well-formed form. */
    public static final class MalformedFormException extends RuntimeException {
        public MalformedFormException(String message) {
            super("malformed form body: " + message);
        }
    }
}
