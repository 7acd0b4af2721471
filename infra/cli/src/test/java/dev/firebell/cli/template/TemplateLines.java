package dev.firebell.cli.template;

import dev.firebell.local.SamTemplate;
import java.util.List;

/** "template.yaml line 42" for a key of a template, by its path ({@code Resources, Fn, Properties, Handler}). */
final class TemplateLines {

    private final SamTemplate template;
    private final YamlLines lines;

    TemplateLines(SamTemplate template) {
        this.template = template;
        this.lines = template.path().map(YamlLines::of).orElse(null);
    }

    /**
     * The line of the key at {@code path}; for a template parsed from a string, the line of {@code container} (a map
     * or list read from the template) as SamTemplate remembers it.
     */
    String at(Object container, List<?> path) {
        return lines == null ? template.where(container) : template.source() + " line " + lines.lineOf(path);
    }
}
