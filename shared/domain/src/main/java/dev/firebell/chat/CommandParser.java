package dev.firebell.chat;

import dev.firebell.chat.ChatCommand.ListScope;
import dev.firebell.config.ConfigNode;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.OnCallService;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text after the command name into a {@link ChatCommand}, or a {@link UsageException} saying exactly
 * what is wrong. Only syntax is checked here (ids, severities, mentions, durations, lengths); whether things exist
 * is decided when the command runs. Pure: no I/O, safe on any input.
 */
public final class CommandParser {

    /** Characters (code points) after the command name; the longest legitimate command, a note, is 2,000. */
    public static final int MAX_TEXT = 3000;
    public static final int MAX_TITLE = 200;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_RESOLUTION = 500;
    public static final int MAX_REASON = MaintenanceCalendar.MAX_REASON;
    public static final Duration MAX_OVERRIDE = OnCallService.MAX_OVERRIDE;
    public static final Duration MAX_MAINTENANCE = MaintenanceWindow.MAX_DURATION;

    private static final Pattern ID = Pattern.compile("#?0*([1-9][0-9]{0,11})");
    private static final Pattern ID_LIKE = Pattern.compile("#?[0-9]+");
    /** Slack's escaped user mention: {@code <@U123ABC>} or {@code <@U123ABC|name>}; W... ids on Enterprise Grid. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,20})(?:\\|[^<>]{0,100})?>");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ChatCommand parse(String text) {
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            throw new UsageException("that command is " + length + " characters long; commands are at most " + MAX_TEXT,
                    null);
        }
        Tokens t = Tokens.of(text);
        if (t.size() == 0) {
            return new ChatCommand.Help();
        }
        Subcommand sub = Subcommand.byWord(t.get(0)).orElseThrow(() -> unknown(t.get(0)));
        return switch (sub) {
            case DECLARE -> declare(t);
            case ACK -> new ChatCommand.Ack(optionalId(t, sub));
            case UNACK -> new ChatCommand.Unack(optionalId(t, sub));
            case RESOLVE -> resolve(t);
            case REOPEN -> new ChatCommand.Reopen(requiredIdOnly(t, sub));
            case STATUS -> new ChatCommand.Status(optionalId(t, sub));
            case LIST -> list(t);
            case SEVERITY -> {
                expect(t, 3, sub);
                yield new ChatCommand.ChangeSeverity(id(t.get(1), sub), severity(t.get(2), sub));
            }
            case COMMANDER -> {
                expect(t, 3, sub);
                yield new ChatCommand.AssignRole(sub, id(t.get(1), sub), "commander", mention(t.get(2), sub));
            }
            case ROLE -> {
                expect(t, 4, sub);
                yield new ChatCommand.AssignRole(sub, id(t.get(1), sub), role(t.get(2)), mention(t.get(3), sub));
            }
            case NOTE -> {
                if (t.size() < 3) {
                    throw new UsageException(t.size() == 1 ? "say which incident and what to note"
                            : "the note is missing", sub);
                }
                yield new ChatCommand.Note(id(t.get(1), sub), freeText(t.rest(2), "note", MAX_NOTE, sub));
            }
            case ESCALATE -> new ChatCommand.Escalate(requiredIdOnly(t, sub));
            case ONCALL -> {
                atMost(t, 2, sub, "a team or service name");
                yield new ChatCommand.OnCall(t.size() == 2 ? name(t.get(1), "team or service", sub) : null);
            }
            case OVERRIDE -> {
                expect(t, 4, sub);
                yield new ChatCommand.Override(name(t.get(1), "rotation", sub), mention(t.get(2), sub),
                        duration(t.get(3), MAX_OVERRIDE, sub));
            }
            case MAINTENANCE -> {
                if (t.size() < 3) {
                    throw new UsageException(t.size() == 1 ? "say which service and for how long"
                            : "say for how long, e.g. 30m or 2h", sub);
                }
                String reason = t.size() > 3 ? freeText(t.rest(3), "reason", MAX_REASON, sub) : null;
                yield new ChatCommand.Maintenance(name(t.get(1), "service", sub),
                        duration(t.get(2), MAX_MAINTENANCE, sub), reason);
            }
            case POSTMORTEM -> new ChatCommand.Postmortem(requiredIdOnly(t, sub));
            case CONSOLE -> {
                if (t.size() > 1) {
                    throw new UsageException("console takes nothing after it; remove '" + t.rest(1) + "'", sub);
                }
                yield new ChatCommand.Console();
            }
            case HELP -> new ChatCommand.Help();
        };
    }

    private ChatCommand declare(Tokens t) {
        Subcommand sub = Subcommand.DECLARE;
        if (t.size() == 1) {
            throw new UsageException("say how severe it is and what is wrong", sub);
        }
        Severity severity = severity(t.get(1), sub);
        if (t.size() == 2) {
            throw new UsageException("the title is missing: say in a few words what is wrong", sub);
        }
        return new ChatCommand.Declare(severity, freeText(t.rest(2), "title", MAX_TITLE + 70, sub));
    }

    private ChatCommand resolve(Tokens t) {
        Subcommand sub = Subcommand.RESOLVE;
        if (t.size() == 1) {
            return new ChatCommand.Resolve(null, null);
        }
        if (ID_LIKE.matcher(t.get(1)).matches()) {
            String id = id(t.get(1), sub);
            return new ChatCommand.Resolve(id, t.size() > 2 ? freeText(t.rest(2), "resolution", MAX_RESOLUTION, sub) : null);
        }
        return new ChatCommand.Resolve(null, freeText(t.rest(1), "resolution", MAX_RESOLUTION, sub));
    }

    private ChatCommand list(Tokens t) {
        Subcommand sub = Subcommand.LIST;
        atMost(t, 2, sub, "one of open, mine or a service name");
        if (t.size() == 1 || t.get(1).equalsIgnoreCase("open")) {
            return new ChatCommand.ListIncidents(ListScope.OPEN, null);
        }
        if (t.get(1).equalsIgnoreCase("mine")) {
            return new ChatCommand.ListIncidents(ListScope.MINE, null);
        }
        return new ChatCommand.ListIncidents(ListScope.SERVICE, name(t.get(1), "service", sub));
    }

    // ---- pieces

    private static String optionalId(Tokens t, Subcommand sub) {
        atMost(t, 2, sub, "an incident id");
        return t.size() == 2 ? id(t.get(1), sub) : null;
    }

    private static String requiredIdOnly(Tokens t, Subcommand sub) {
        if (t.size() == 1) {
            throw new UsageException("say which incident", sub);
        }
        atMost(t, 2, sub, "an incident id");
        return id(t.get(1), sub);
    }

    private static void expect(Tokens t, int size, Subcommand sub) {
        if (t.size() < size) {
            throw new UsageException("something is missing", sub);
        }
        if (t.size() > size) {
            throw new UsageException("there is more than it takes: '" + t.rest(size) + "'", sub);
        }
    }

    private static void atMost(Tokens t, int size, Subcommand sub, String what) {
        if (t.size() > size) {
            throw new UsageException(sub.word() + " takes at most " + what + "; remove '" + t.rest(size) + "'", sub);
        }
    }

    static String id(String token, Subcommand sub) {
        Matcher m = ID.matcher(token);
        if (!m.matches()) {
            throw new UsageException("'" + token + "' is not an incident id: write it as 42 or #42", sub);
        }
        return m.group(1);
    }

    private static Severity severity(String token, Subcommand sub) {
        try {
            return Severity.parse(token);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), sub);
        }
    }

    private static String mention(String token, Subcommand sub) {
        Matcher m = MENTION.matcher(token);
        if (m.matches()) {
            return m.group(1);
        }
        if (token.startsWith("@")) {
            throw new UsageException("'" + token + "' came through as plain text, not as a Slack mention: pick the"
                    + " person from Slack's @ suggestions (and the Slack app's slash command needs 'Escape channels,"
                    + " users, and links' turned on)", sub);
        }
        throw new UsageException("'" + token + "' is not a person: mention them with @", sub);
    }

    private static String name(String token, String what, Subcommand sub) {
        if (!NAME.matcher(token).matches()) {
            throw new UsageException("'" + token + "' is not a " + what + " name: names are letters, digits, '-', '_',"
                    + " '.' and ':', at most 64", sub);
        }
        return token;
    }

    private static String role(String token) {
        String role = token.toLowerCase(java.util.Locale.ROOT);
        if (!ROLE.matcher(role).matches()) {
            throw new UsageException("'" + token + "' is not a role name: a word like scribe, communications or"
                    + " ops-lead (letters, digits and '-', at most 32)", Subcommand.ROLE);
        }
        return role;
    }

    private static Duration duration(String token, Duration max, Subcommand sub) {
        Duration d = null;
        if (token.length() <= 20) {
            try {
                d = ConfigNode.parseDuration(token);
            } catch (ArithmeticException | NumberFormatException tooLarge) {
                d = null;
            }
        }
        if (d == null) {
            throw new UsageException("'" + token + "' is not a duration: write e.g. 30m, 4h, 1d or 1h30m", sub);
        }
        if (d.isZero() || d.isNegative()) {
            throw new UsageException("the duration must be longer than 0", sub);
        }
        if (d.compareTo(max) > 0) {
            throw new UsageException("'" + token + "' is longer than the " + max.toDays() + " days " + sub.word()
                    + " allows from chat", sub);
        }
        return d;
    }

    /**
     * Text people type for others to read (titles, notes, reasons): at most {@code max} characters, and no control
     * or invisible text-direction characters, which could make a timeline read differently from what was written.
     */
    static String freeText(String value, String what, int max, Subcommand sub) {
        String text = value.strip();
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new UsageException("the " + what + " is " + length + " characters long; keep it to " + max, sub);
        }
        if (text.codePoints().anyMatch(CommandParser::hidden)) {
            throw new UsageException("the " + what + " contains control or invisible direction characters; type it"
                    + " again without them", sub);
        }
        return text;
    }

    private static boolean hidden(int c) {
        return (Character.isISOControl(c) && c != '\n' && c != '\t')
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0xFEFF;
    }

    private static UsageException unknown(String word) {
        String shown = word.length() > 40 ? word.substring(0, 40) + "..." : word;
        List<String> words = Arrays.stream(Subcommand.values()).map(Subcommand::word).toList();
        return Suggestions.closest(word, words)
                .map(s -> new UsageException("'" + shown + "' is not a command. Did you mean " + s + "?",
                        Subcommand.byWord(s).orElseThrow()))
                .orElseGet(() -> new UsageException("'" + shown + "' is not a command", null));
    }

    /**
     * Words separated by white space, where a Slack-escaped {@code <...>} (a mention, channel or link) is one word
     * even if it holds spaces; {@link #rest} gives the original text from a word on, spacing kept.
     */
    static final class Tokens {
        private final String text;
        private final List<String> words = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        private Tokens(String text) {
            this.text = text;
        }

        static Tokens of(String text) {
            Tokens t = new Tokens(text);
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && space(text.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int start = i;
                if (text.charAt(i) == '<') {
                    int close = text.indexOf('>', i);
                    if (close > 0 && close - i <= 200) {
                        i = close + 1;
                    }
                }
                while (i < n && !space(text.charAt(i))) {
                    i++;
                }
                t.words.add(text.substring(start, i));
                t.starts.add(start);
            }
            return t;
        }

        private static boolean space(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }

        int size() {
            return words.size();
        }

        String get(int i) {
            return words.get(i);
        }

        String rest(int from) {
            return from >= words.size() ? "" : text.substring(starts.get(from)).strip();
        }
    }
}
