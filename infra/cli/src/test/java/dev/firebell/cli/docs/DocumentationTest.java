package dev.firebell.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ as a reader meets them: every relative link leads to a file and heading that exist, every
 * decision record has the one header format and is in the index, and no decision record cites a tracker number a
 * reader of the repository cannot see.
 */
class DocumentationTest {

    private static final Pattern INLINE_LINK = Pattern.compile("(?<!!)\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s*\\[[^\\]]+]:\\s*(\\S+)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern ADR_FILE = Pattern.compile("(\\d{4})-[a-z0-9-]+\\.md");
    private static final Pattern TRACKER_NUMBER = Pattern.compile(
            "(?i)\\b(issues?|tickets?|stops?|pull requests?|PRs?)\\s+#?\\d+|\\bgh-\\d+");

    private final Path root = SamTemplate.locate().toAbsolutePath().getParent();
    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    @Test
    void everyRelativeLink_shouldLeadToAnExistingFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : markdownPages()) {
            List<String> lines = withoutCode(Files.readAllLines(page));
            for (int n = 0; n < lines.size(); n++) {
                for (String target : linkTargets(lines.get(n))) {
                    if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("//")) {
                        continue; // an absolute URL: not this repository's to check
                    }
                    checked++;
                    String problem = problemWith(page, target);
                    if (problem != null) {
                        broken.add(root.relativize(page) + ":" + (n + 1) + ": " + target + ": " + problem);
                    }
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(100);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyDecisionRecord_shouldHaveTheOneHeaderFormat_andBeIndexed() throws IOException {
        Path adrs = root.resolve("docs/adr");
        String index = Files.readString(adrs.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        int records = 0;
        try (Stream<Path> files = Files.list(adrs)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = ADR_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                records++;
                List<String> lines = Files.readAllLines(file);
                String number = name.group(1);
                String where = "docs/adr/" + file.getFileName();
                if (lines.isEmpty() || !lines.get(0).startsWith("# " + number + ". ")) {
                    problems.add(where + ": the first line must be '# " + number + ". <title>'");
                    continue;
                }
                if (lines.size() < 4 || !lines.get(1).isEmpty() || !lines.get(2).matches("- Status: \\S.*")
                        || !lines.get(3).matches("- Date: \\d{4}-\\d{2}-\\d{2}")) {
                    problems.add(where + ": the title must be followed by a blank line, '- Status: ...' and"
                            + " '- Date: YYYY-MM-DD'");
                }
                for (String section : List.of("## Context", "## Decision", "## Consequences")) {
                    if (!lines.contains(section)) {
                        problems.add(where + ": no '" + section + "' section");
                    }
                }
                if (!index.contains("](" + file.getFileName() + ")")) {
                    problems.add(where + ": not listed in docs/adr/README.md");
                }
            }
        }
        assertThat(records).as("decision records").isGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    @Test
    void decisionRecords_shouldCiteNoTrackerNumbers() throws IOException {
        List<String> citations = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("docs/adr"))) {
            for (Path file : files.sorted().toList()) {
                List<String> lines = withoutCode(Files.readAllLines(file));
                for (int n = 0; n < lines.size(); n++) {
                    Matcher m = TRACKER_NUMBER.matcher(lines.get(n));
                    if (m.find()) {
                        citations.add("docs/adr/" + file.getFileName() + ":" + (n + 1) + ": '" + m.group() + "'");
                    }
                }
            }
        }
        assertThat(citations).as("tracker numbers a reader of the repository cannot look up").isEmpty();
    }

    private List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> linkTargets(String line) {
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(line);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher definition = REFERENCE_DEFINITION.matcher(line);
        if (definition.find()) {
            targets.add(definition.group(1));
        }
        return targets;
    }

    private String problemWith(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!linked.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(linked)) {
            return "no such file";
        }
        if (anchor != null && linked.toString().endsWith(".md") && !anchors(linked).contains(anchor)) {
            return "no heading with anchor #" + anchor + " in " + root.relativize(linked);
        }
        return null;
    }

    /** GitHub's anchors: each heading's slug, numbered from the second repeat on, and explicit HTML anchors. */
    private Set<String> anchors(Path page) {
        return anchorsByFile.computeIfAbsent(page, p -> {
            List<String> lines;
            try {
                lines = Files.readAllLines(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> result = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inFence = false;
            for (String line : lines) {
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                Matcher heading = HEADING.matcher(line);
                if (!inFence && heading.matches()) {
                    String slug = slug(heading.group(2));
                    int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                    result.add(repeat == 0 ? slug : slug + "-" + repeat);
                }
                Matcher html = HTML_ANCHOR.matcher(line);
                while (html.find()) {
                    result.add(html.group(1));
                }
            }
            return result;
        });
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "").replace("*", "")
                .strip().toLowerCase(java.util.Locale.ROOT);
        StringBuilder kept = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '-' || c == '_' || c == ' ' || Character.isLetterOrDigit(c)) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString().replace(' ', '-');
    }

    /** Fenced blocks blanked and inline code removed: a link in an example is not a link. */
    private static List<String> withoutCode(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher m = FENCE.matcher(line);
            if (m.find()) {
                String marker = m.group(1);
                if (fence == null) {
                    fence = marker;
                } else if (marker.startsWith(fence)) {
                    fence = null;
                }
                out.add("");
                continue;
            }
            out.add(fence != null ? "" : line.replaceAll("`[^`]*`", ""));
        }
        return out;
    }
}
