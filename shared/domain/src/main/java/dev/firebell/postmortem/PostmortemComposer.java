package dev.firebell.postmortem;

import dev.firebell.account.Origins;
import dev.firebell.incident.Incident;
import dev.firebell.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;

/**
 * Writes the blameless postmortem draft of a resolved incident as Markdown, in the sections the Google SRE
 * template and the tools teams use share: the facts filled in from the incident's own record, the judgement left
 * to people as prompts. Deterministic: the same incident, timeline and related incidents give the same bytes.
 *
 * <p>Each section has its own writer ({@code *Section}); this class only reads the incident once and puts the
 * sections in order.
 */
public final class PostmortemComposer {

    private final Duration relatedWindow;
    private final Origins origins;

    /** @param relatedWindow how far back related incidents were looked for (said in the draft) */
    public PostmortemComposer(Duration relatedWindow) {
        this(relatedWindow, Origins.NONE);
    }

    /** @param origins says which account and region an alarm from elsewhere than Firebell's own comes from */
    public PostmortemComposer(Duration relatedWindow, Origins origins) {
        this.relatedWindow = relatedWindow;
        this.origins = origins;
    }

    public PostmortemDraft compose(Incident incident, List<TimelineEntry> timeline, List<RelatedIncident> related) {
        IncidentAnalysis a = new IncidentAnalysis(incident, timeline, origins);
        List<BlameFinding> findings = BlamelessReviewSection.findings(a);
        StringBuilder md = new StringBuilder(8192 + timeline.size() * 96);
        TitleSection.write(md, incident);
        BlamelessReviewSection.write(md, findings);
        HeaderSection.write(md, a);
        SummarySection.write(md, a);
        ImpactSection.write(md, a);
        DetectionSection.write(md, a);
        ResponseSection.write(md, a);
        TimelineSection.write(md, timeline);
        MilestonesSection.write(md, a);
        RootCausesSection.write(md, a);
        ContributingFactorsSection.write(md, a);
        ResolutionSection.write(md, a);
        LessonsLearnedSection.write(md, a);
        ActionItemsSection.write(md);
        SupportingInformationSection.write(md, a);
        RelatedIncidentsSection.write(md, incident, related, relatedWindow);
        return new PostmortemDraft(incident, md.toString(), findings, a.metrics);
    }
}
