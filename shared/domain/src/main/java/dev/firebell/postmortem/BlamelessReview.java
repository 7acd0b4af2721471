package dev.firebell.postmortem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds wording that points at people rather than at conditions and systems (Google SRE's blameless postmortem
 * culture): "human error", "Bob's fault", hindsight ("should have"), character judgements ("careless"). It only
 * flags: the text stays as its author wrote it, and people decide whether and how to reword it.
 */
public final class BlamelessReview {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final int CONTEXT = 60;

    private static final String PERSON_ERROR = "Names a person as the cause. Describe the conditions that made the action"
            + " possible and its effect hard to see (a missing guard rail, an unclear runbook, a misleading signal).";
    private static final String FAULT = "Assigns fault to a person. Describe what the system allowed and what information"
            + " was missing at the time.";
    private static final String HINDSIGHT = "Hindsight. Describe what the responders knew then and why their actions made"
            + " sense at the time; then what would make the better path the easy one.";
    private static final String CHARACTER = "Judges a person. Describe the action and the conditions around it instead.";
    private static final String MEMORY = "Points at a person's memory or diligence. Describe the step the process left to"
            + " memory and how the system could make it hard to skip.";

    /**
     * A phrase to flag. {@code needles} are lower-case words at least one of which every match contains: a text with
     * none of them is passed over without running the pattern, which keeps a 10,000-note incident cheap.
     */
    private record Rule(Pattern pattern, List<String> needles, String guidance) {
        Rule(String regex, List<String> needles, String guidance) {
            this(Pattern.compile(regex, FLAGS), needles, guidance);
        }

        boolean mayMatch(String lowerCase) {
            for (String needle : needles) {
                if (lowerCase.contains(needle)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("\\b(?:human|operator|user|pilot|engineer|developer|admin)\\s+errors?\\b", List.of("error"),
                    PERSON_ERROR),
            // "nobody's fault" says the opposite of blame.
            new Rule("\\b(?!(?:nobody|noone|no-one|one|anybody|anyone)['’]s)[\\w.-]+['’]s\\s+fault\\b", List.of("fault"),
                    FAULT),
            new Rule("\\b(?:my|your|his|her|their|our)\\s+fault\\b", List.of("fault"), FAULT),
            new Rule("\\b(?:fault\\s+of|at\\s+fault)\\b", List.of("fault"), FAULT),
            new Rule("\\bblam(?:e|ed|es|ing)\\b(?!-free)", List.of("blam"), FAULT),
            new Rule("\\bshould(?:n['’]t|\\s+not)?\\s+have\\b|\\bshould['’]ve\\b", List.of("should"), HINDSIGHT),
            new Rule("\\bcould\\s+(?:easily\\s+)?have\\s+(?:prevented|avoided|caught)\\b", List.of("could"), HINDSIGHT),
            new Rule("\\bought\\s+to\\s+have\\b|\\bwhy\\s+didn['’]t\\b|\\bif\\s+only\\b", List.of("ought", "why", "if"),
                    HINDSIGHT),
            new Rule("\\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|lazy|reckless(?:ly)?|incompeten(?:t|ce)"
                    + "|stupid(?:ity)?|idiot(?:ic)?|dumb)\\b", List.of("careless", "negligen", "sloppy", "lazy", "reckless",
                    "incompeten", "stupid", "idiot", "dumb"), CHARACTER),
            new Rule("\\b(?:forgot|forgotten|neglected)\\s+to\\b|\\bdidn['’]t\\s+bother\\b"
                    + "|\\bfailed\\s+to\\s+(?:check|notice|follow|test|verify|read|review)\\b",
                    List.of("forgot", "neglected", "bother", "failed"), MEMORY),
            new Rule("\\b(?:messed|screwed)\\s+up\\b|\\bdropped\\s+the\\s+ball\\b|\\bmistake\\s+(?:by|of)\\b",
                    List.of("messed", "screwed", "dropped", "mistake"), PERSON_ERROR));

    /** Every match in one text, in order of appearance; an empty list when there is nothing to flag. */
    public List<BlameFinding> review(String source, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lowerCase = text.toLowerCase(Locale.ROOT);
        List<int[]> spans = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.mayMatch(lowerCase)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                // One phrase, one finding, even where two rules match it.
                if (spans.stream().noneMatch(r -> start < r[1] && end > r[0])) {
                    spans.add(new int[] {start, end});
                    rules.add(rule);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        List<BlameFinding> findings = new ArrayList<>();
        for (int i : order) {
            int[] span = spans.get(i);
            findings.add(new BlameFinding(source, text.substring(span[0], span[1]), excerpt(text, span[0], span[1]),
                    rules.get(i).guidance()));
        }
        return findings;
    }

    /** The match with up to {@link #CONTEXT} characters either side, cut at word boundaries. */
    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        while (from > 0 && from < start && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
    }
}
