package dev.firebell.postmortem;

import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;

/** The draft's title: the incident's title and number. */
final class TitleSection {

    private TitleSection() {
    }

    static void write(StringBuilder md, Incident incident) {
        md.append("# Postmortem: ").append(text(incident.title())).append(" (incident #").append(text(incident.id()))
                .append(")\n\n");
    }
}
