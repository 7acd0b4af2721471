package dev.firebell.answer;

import java.util.Optional;

/**
 * What a paged person can do from where the page reached them: a link's action, an SMS reply's letter
 * ({@code 7a}, {@code 7e}, {@code 7r}, the codes GoAlert and PagerDuty users know).
 */
public enum PageAction {

    ACKNOWLEDGE('a', "acknowledge", "Acknowledge", "acknowledged"),
    ESCALATE('e', "escalate", "Escalate", "escalated"),
    RESOLVE('r', "resolve", "Resolve", "resolved");

    private final char code;
    private final String verb;
    private final String label;
    private final String pastTense;

    PageAction(char code, String verb, String label, String pastTense) {
        this.code = code;
        this.verb = verb;
        this.label = label;
        this.pastTense = pastTense;
    }

    /** The letter of an SMS reply code. */
    public char code() {
        return code;
    }

    /** "acknowledge": as a sentence uses it. */
    public String verb() {
        return verb;
    }

    /** "Acknowledge": a button's or a link's label. */
    public String label() {
        return label;
    }

    /** "acknowledged". */
    public String pastTense() {
        return pastTense;
    }

    /** The action of a reply code's letter, in either case. */
    public static Optional<PageAction> ofCode(char letter) {
        char lower = Character.toLowerCase(letter);
        for (PageAction a : values()) {
            if (a.code == lower) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
