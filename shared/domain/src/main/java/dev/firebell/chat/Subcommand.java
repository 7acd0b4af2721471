package dev.firebell.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * What follows the command name: {@code /incident <subcommand> ...}. Each one says how to write it, what it does,
 * whether it changes anything (then only people in the on-call configuration may use it) and whether its work is
 * finished after Slack's 3-second answer (ADR 30).
 */
public enum Subcommand {
    DECLARE("declare", "<SEV1-5> <title> [service]", "declare SEV2 Checkout is failing checkout",
            "open an incident and page its service (you are commander)", true, true),
    ACK("ack", "[id]", "ack 42", "acknowledge: you have it, paging stops", true, false),
    UNACK("unack", "[id]", "unack 42", "withdraw the acknowledgement: paging may start again", true, false),
    RESOLVE("resolve", "[id] [resolution]", "resolve 42 rolled back the deploy", "resolve, saying what fixed it",
            true, false),
    REOPEN("reopen", "<id>", "reopen 42", "reopen a resolved incident (you have it)", true, false),
    STATUS("status", "[id]", "status 42", "an incident's state, roles and latest timeline", false, false),
    LIST("list", "[open|mine|<service>]", "list mine", "open incidents: all, yours, or one service's", false, false),
    SEVERITY("severity", "<id> <SEV1-5>", "severity 42 SEV1", "change the severity", true, false),
    COMMANDER("commander", "<id> @person", "commander 42 @alice", "make someone incident commander", true, false),
    ROLE("role", "<id> <role> @person", "role 42 scribe @bob", "give someone a role: scribe, communications, ...",
            true, false),
    NOTE("note", "<id> <text>", "note 42 cache hit rate back to 98%", "add a note to the timeline", true, false),
    ESCALATE("escalate", "<id>", "escalate 42", "page the next escalation level now", true, true),
    ONCALL("oncall", "[team|service]", "oncall checkout", "who is on call now and next, hand-offs in your time zone",
            false, false),
    OVERRIDE("override", "<rotation> @person <duration>", "override checkout-primary @alice 4h",
            "someone takes a rotation's shifts from now, e.g. for 4h", true, false),
    MAINTENANCE("maintenance", "<service> <duration> [reason]", "maintenance checkout 30m database upgrade",
            "page nobody for a service from now, e.g. for 30m: its alarms still open incidents", true, false),
    POSTMORTEM("postmortem", "<id>", "postmortem 42", "start the postmortem of an incident", true, false),
    CONSOLE("console", "", "console", "a one-time link that signs you in to the web console (only you see it)",
            false, false),
    HELP("help", "", "help", "this list", false, false);

    private final String word;
    private final String arguments;
    private final String example;
    private final String description;
    private final boolean changes;
    private final boolean deferred;

    Subcommand(String word, String arguments, String example, String description, boolean changes, boolean deferred) {
        this.word = word;
        this.arguments = arguments;
        this.example = example;
        this.description = description;
        this.changes = changes;
        this.deferred = deferred;
    }

    /** What people type, e.g. {@code ack}. */
    public String word() {
        return word;
    }

    /** How to write it after the command name, e.g. {@code ack [id]}. */
    public String syntax() {
        return arguments.isEmpty() ? word : word + " " + arguments;
    }

    /** A complete example after the command name, e.g. {@code ack 42}. */
    public String example() {
        return example;
    }

    public String description() {
        return description;
    }

    /** Whether it changes anything (an incident, a rotation, a service); only known people may. */
    public boolean changes() {
        return changes;
    }

    /**
     * Whether its work is finished after the 3-second answer and posted to the response URL: work that pages people
     * through SNS, whose bounded worst case (retries) is longer than Slack waits.
     */
    public boolean deferred() {
        return deferred;
    }

    public static Optional<Subcommand> byWord(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        for (Subcommand s : values()) {
            if (s.word.equals(lower)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
