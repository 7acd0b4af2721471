package dev.firebell.postmortem;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A structural check of the Mermaid Gantt blocks in a draft, against the grammar Mermaid's gantt parser accepts:
 * one fenced block, opened by {@code gantt}, a {@code dateFormat} before any task, sections before tasks, task
 * lines {@code <name> :[milestone, ]<id>, <start>, <end or duration>} with unique ids, names free of the
 * characters the grammar reserves ({@code : # ;}), dates that parse in the declared format, and ends not before
 * starts. Returns the problems found; none means well formed.
 */
final class MermaidCheck {

    private static final Pattern TASK = Pattern.compile(
            "^ {4}([^:#;]+?) :(milestone, )?([A-Za-z][A-Za-z0-9_-]*), (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}), "
                    + "(\\d+(?:ms|s|m|h|d|w)|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})$");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MermaidCheck() {
    }

    /** The Mermaid blocks of a Markdown document, without their fences. */
    static List<List<String>> blocks(String markdown) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.equals("```mermaid")) {
                current = new ArrayList<>();
            } else if (current != null && line.equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        if (current != null) {
            throw new AssertionError("a mermaid block is never closed");
        }
        return blocks;
    }

    static List<String> problems(List<String> block) {
        List<String> problems = new ArrayList<>();
        if (block.isEmpty() || !block.get(0).equals("gantt")) {
            problems.add("first line is not 'gantt'");
            return problems;
        }
        boolean dateFormat = false;
        boolean section = false;
        int tasks = 0;
        Set<String> ids = new HashSet<>();
        for (String line : block.subList(1, block.size())) {
            if (line.startsWith("    title ")) {
                if (line.matches(".*[:#;].*")) {
                    problems.add("title uses a reserved character: " + line);
                }
            } else if (line.equals("    dateFormat YYYY-MM-DD HH:mm:ss")) {
                dateFormat = true;
            } else if (line.startsWith("    axisFormat ") || line.equals("    todayMarker off")) {
                continue;
            } else if (line.startsWith("    section ")) {
                section = true;
                if (line.substring(12).isBlank() || line.matches(".*[:#;].*")) {
                    problems.add("bad section name: " + line);
                }
            } else {
                Matcher m = TASK.matcher(line);
                if (!m.matches()) {
                    problems.add("not a task line: '" + line + "'");
                    continue;
                }
                tasks++;
                if (!dateFormat) {
                    problems.add("task before dateFormat: " + line);
                }
                if (!section) {
                    problems.add("task outside a section: " + line);
                }
                if (!ids.add(m.group(3))) {
                    problems.add("duplicate task id " + m.group(3));
                }
                try {
                    LocalDateTime start = LocalDateTime.parse(m.group(4), FORMAT);
                    if (m.group(5).contains("-")) {
                        LocalDateTime end = LocalDateTime.parse(m.group(5), FORMAT);
                        if (end.isBefore(start)) {
                            problems.add("task ends before it starts: " + line);
                        }
                    }
                    if (m.group(2) != null && !m.group(5).equals("0s")) {
                        problems.add("a milestone has a duration: " + line);
                    }
                } catch (DateTimeParseException e) {
                    problems.add("date does not parse: " + line);
                }
            }
        }
        if (!dateFormat) {
            problems.add("no dateFormat");
        }
        if (tasks == 0) {
            problems.add("no tasks");
        }
        return problems;
    }
}
