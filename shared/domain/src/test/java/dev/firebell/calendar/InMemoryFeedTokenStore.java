package dev.firebell.calendar;

import dev.firebell.link.SecretTokens;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Feed tokens in memory, for the domain's and the console's tests; it keeps {@link FeedTokenStoreContract}. */
public final class InMemoryFeedTokenStore implements FeedTokenStore {

    private final Map<String, FeedSubject> subjectByHash = new HashMap<>();
    private final Map<FeedSubject, String> tokens = new HashMap<>();

    @Override
    public synchronized Optional<FeedSubject> subjectOf(String tokenHash) {
        return Optional.ofNullable(subjectByHash.get(tokenHash));
    }

    @Override
    public synchronized Map<FeedSubject, String> tokens(Collection<FeedSubject> subjects) {
        Map<FeedSubject, String> out = new LinkedHashMap<>();
        for (FeedSubject s : subjects) {
            if (tokens.containsKey(s)) {
                out.put(s, tokens.get(s));
            }
        }
        return out;
    }

    @Override
    public synchronized boolean create(FeedSubject subject, String token) {
        if (tokens.containsKey(subject)) {
            return false;
        }
        replace(subject, token);
        return true;
    }

    @Override
    public synchronized void replace(FeedSubject subject, String token) {
        revoke(subject);
        tokens.put(subject, token);
        subjectByHash.put(SecretTokens.hash(token), subject);
    }

    @Override
    public synchronized boolean revoke(FeedSubject subject) {
        String old = tokens.remove(subject);
        if (old == null) {
            return false;
        }
        subjectByHash.remove(SecretTokens.hash(old));
        return true;
    }
}
