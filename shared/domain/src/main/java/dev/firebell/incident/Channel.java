package dev.firebell.incident;

import java.util.Optional;

/**
 * Where a person acted from, when it was not a chat command: the one list of such channels, each with the value its
 * timeline entries keep under {@code via} and the phrase their summaries read with ("acknowledged by alice from an
 * e-mail link"). Chat commands keep {@code via: slack} and their summaries as they are; only these channels add a
 * phrase.
 */
public enum Channel {

    /** A link in the e-mail rendering of a page. */
    EMAIL_LINK("email-link", "from an e-mail link"),
    /** The link in the SMS rendering of a page. */
    SMS_LINK("sms-link", "from an SMS link"),
    /** A link in the JSON rendering of a page, followed by whatever a subscriber built on it. */
    PAGE_LINK("page-link", "from a page's link"),
    /** A reply code ({@code 7a}) to an SMS page. */
    SMS_REPLY("sms-reply", "from an SMS reply"),
    /** A button of a Slack announcement. */
    SLACK_BUTTON("slack-button", "from a Slack button"),
    /** The web console. */
    CONSOLE("console", "from the console");

    /** The details key under which {@link Actor} keeps how a person acted. */
    public static final String VIA = "via";

    private final String via;
    private final String phrase;

    Channel(String via, String phrase) {
        this.via = via;
        this.phrase = phrase;
    }

    /** What timeline entries keep under {@code via}. */
    public String via() {
        return via;
    }

    /** How a summary says where the person acted from: "from an e-mail link". */
    public String phrase() {
        return phrase;
    }

    /** The channel a {@code via} value names; empty for chat ({@code slack}) and anything else. */
    public static Optional<Channel> ofVia(String via) {
        for (Channel c : values()) {
            if (c.via.equals(via)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
