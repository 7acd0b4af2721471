package dev.firebell.answer;

import java.time.Instant;

/**
 * Port: answers that must act once only. An escalate link posted twice (a double tap, a reload) would page the next
 * level twice; an SMS reply SNS delivers twice would act twice. Each is claimed under a key first; a second claim of
 * the same key finds it taken.
 */
public interface AnswerLedger {

    /** Takes the key until {@code keepUntil}; false when it was taken already. */
    boolean claim(String key, Instant keepUntil);

    /** Gives the key back, after the action it guarded failed (so that trying again can act). */
    void release(String key);

    /** A ledger that never remembers: every claim succeeds (tests, the domain's own use without a store). */
    AnswerLedger NONE = new AnswerLedger() {
        @Override
        public boolean claim(String key, Instant keepUntil) {
            return true;
        }

        @Override
        public void release(String key) {
        }
    };
}
