package dev.firebell.chat;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean...": the option closest to what was typed, if any is close enough to be a likely typo. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The closest option by edit distance (insertions, deletions, substitutions, adjacent swaps), ignoring case. An
     * option counts as close when it is at most a third of the word's length away (at least 2), or when one is a
     * prefix of the other ({@code acknowledge} -> {@code ack}, {@code sev} -> {@code severity}).
     */
    public static Optional<String> closest(String typed, Collection<String> options) {
        String word = typed.toLowerCase(Locale.ROOT);
        if (word.isEmpty() || word.length() > 64) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            String candidate = option.toLowerCase(Locale.ROOT);
            int distance = distance(word, candidate);
            boolean prefix = word.length() >= 2 && (candidate.startsWith(word) || word.startsWith(candidate));
            boolean close = distance <= Math.max(2, word.length() / 3) || prefix;
            if (close && distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
