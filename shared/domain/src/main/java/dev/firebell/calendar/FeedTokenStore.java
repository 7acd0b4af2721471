package dev.firebell.calendar;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Port: each subject's calendar feed token (docs/adr/0124). A token is found by its SHA-256 only, so that the store
 * never compares a secret and an unknown token costs what a known one costs. The current token is kept beside its
 * subject so that its owner can be shown the URL again.
 */
public interface FeedTokenStore {

    /** The subject whose current token has this hash; empty for any other (unknown, replaced, revoked). */
    Optional<FeedSubject> subjectOf(String tokenHash);

    /** The current token of each of these subjects that has one, read together. */
    Map<FeedSubject, String> tokens(Collection<FeedSubject> subjects);

    /** Gives the subject this token if it has none; false when it had one (kept). */
    boolean create(FeedSubject subject, String token);

    /** Replaces the subject's token (or gives it its first): the old one stops working at once. */
    void replace(FeedSubject subject, String token);

    /** Takes the subject's token away (its URL answers 404 from now on); false when it had none. */
    boolean revoke(FeedSubject subject);
}
