package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.Markdown.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Blameless review: wording in the title, notes and resolutions that may read as blame, quoted with the guidance to
 * reword it. Written only when there is something to flag; the draft's findings are the same list.
 */
final class BlamelessReviewSection {

    private static final BlamelessReview REVIEW = new BlamelessReview();

    private BlamelessReviewSection() {
    }

    /** What the review flags in the text people wrote, each with where it was written. */
    static List<BlameFinding> findings(IncidentAnalysis a) {
        List<BlameFinding> out = new ArrayList<>();
        if (a.declaredBy != null) {
            out.addAll(REVIEW.review("title, by " + a.declaredBy, a.incident.title()));
        }
        for (IncidentAnalysis.Written note : a.notes) {
            out.addAll(REVIEW.review("note by " + note.actor() + " at " + time(note.at()) + " UTC", note.text()));
        }
        for (IncidentAnalysis.Written r : a.resolutions) {
            out.addAll(REVIEW.review("resolution by " + r.actor() + " at " + time(r.at()) + " UTC", r.text()));
        }
        return out;
    }

    static void write(StringBuilder md, List<BlameFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        md.append("## Blameless review\n\n");
        md.append("Some wording taken from notes and resolutions may read as blame. It is quoted below and in the draft"
                + " exactly as written; nothing was changed automatically. Before this draft is shared, reword it around"
                + " conditions and systems, or keep it if it is fair.\n\n");
        for (BlameFinding f : findings) {
            md.append("- **").append(text(f.source())).append("**: \u201c").append(text(f.excerpt()))
                    .append("\u201d (flagged: _").append(text(f.phrase())).append("_). ").append(text(f.guidance()))
                    .append('\n');
        }
        md.append('\n');
    }
}
