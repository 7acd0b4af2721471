package dev.firebell.calendar;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.link.SecretTokens;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.Roster;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calendar feeds of on-call shifts (docs/adr/0123 to 0125): the feed a token opens, and each
 * subject's token, created on demand, replaced or revoked. A feed covers {@link #BACK} before now to {@link #AHEAD}
 * after it.
 */
public final class CalendarFeeds {

    /** Recent shifts stay visible for a fortnight (who was on call last weekend?). */
    public static final Duration BACK = Duration.ofDays(14);
    /** Twelve weeks ahead: a quarter's planning, and overrides people set weeks in advance. */
    public static final Duration AHEAD = Duration.ofDays(84);
    /** How often calendar apps are asked to fetch again (most poll less often whatever they are told). */
    public static final Duration REFRESH = Duration.ofHours(1);
    /** Where feeds are served, under the stack's public base URL. */
    public static final String PATH = "calendar/";
    public static final String SUFFIX = ".ics";

    private final ConfigSource config;
    private final OnCallService onCall;
    private final FeedTokenStore tokens;
    private final InstantSource clock;

    public CalendarFeeds(ConfigSource config, OnCallService onCall, FeedTokenStore tokens, InstantSource clock) {
        this.config = config;
        this.onCall = onCall;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The calendar the token opens; empty for a token that is unknown, replaced or revoked, or whose subject is no
     * longer configured. The store is asked the same way whatever the token looks like.
     */
    public Optional<String> feed(String token) {
        Optional<FeedSubject> subject = tokens.subjectOf(SecretTokens.hash(token == null ? "" : token));
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        FirebellConfig current = config.current();
        if (!OnCallShifts.exists(current.onCall(), subject.get())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<OnCallShift> shifts = shifts(current, subject.get(), now.minus(BACK), now.plus(AHEAD));
        return Optional.of(ShiftCalendar.render(current.onCall(), subject.get(), shifts, now, REFRESH));
    }

    /** The subject's shifts overlapping {@code from} to {@code to}, overrides read for its sources (one read). */
    public List<OnCallShift> shifts(FirebellConfig current, FeedSubject subject, Instant from, Instant to) {
        Roster roster = onCall.roster(current, OnCallShifts.sources(current.onCall(), subject), from);
        return new OnCallShifts(roster).of(subject, from, to);
    }

    /** The current tokens of these subjects (those that have one). */
    public Map<FeedSubject, String> tokens(Collection<FeedSubject> subjects) {
        return subjects.isEmpty() ? Map.of() : tokens.tokens(subjects);
    }

    /**
     * The subject's token: its current one, or a new one. Asking twice gives the same token.
     *
     * @throws IllegalArgumentException when the subject is not in the configuration; nothing stored
     */
    public String token(FeedSubject subject) {
        requireConfigured(subject);
        String current = tokens.tokens(List.of(subject)).get(subject);
        if (current != null) {
            return current;
        }
        String fresh = SecretTokens.generate();
        if (tokens.create(subject, fresh)) {
            return fresh;
        }
        // Someone created one meanwhile: that one is the subject's.
        return tokens.tokens(List.of(subject)).get(subject);
    }

    /**
     * A new token for the subject: the old URL answers 404 from now on.
     *
     * @throws IllegalArgumentException when the subject is not in the configuration; nothing stored
     */
    public String replace(FeedSubject subject) {
        requireConfigured(subject);
        String fresh = SecretTokens.generate();
        tokens.replace(subject, fresh);
        return fresh;
    }

    /** Takes the subject's feed away; false when it had none. Allowed for subjects no longer configured. */
    public boolean revoke(FeedSubject subject) {
        return tokens.revoke(subject);
    }

    /** The https URL of a feed, under the stack's public base URL (ending with a slash). */
    public static String url(String base, String token) {
        return base + PATH + token + SUFFIX;
    }

    /** The same URL for calendar apps that subscribe on a click ({@code webcal://}, Apple Calendar, Outlook). */
    public static String webcal(String url) {
        int scheme = url.indexOf("://");
        return "webcal" + url.substring(scheme);
    }

    private void requireConfigured(FeedSubject subject) {
        if (!OnCallShifts.exists(config.current().onCall(), subject)) {
            throw new IllegalArgumentException(subject + " is not in the configuration");
        }
    }
}
