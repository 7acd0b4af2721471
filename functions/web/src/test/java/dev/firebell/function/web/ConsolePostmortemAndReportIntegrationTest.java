package dev.firebell.function.web;

import static dev.firebell.console.ConsolePagesFixture.get;
import static dev.firebell.console.ConsolePagesFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.s3.S3PostmortemStore;
import dev.firebell.console.postmortem.PostmortemPages;
import dev.firebell.console.report.ReportPages;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.postmortem.DraftVersions;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The console's postmortem and report pages on the web function's own graph and environment (the template's bucket
 * and table), against the emulator: drafts and their versions read from the versioned bucket, reports from the
 * month index of incidents the function's own commands declared and resolved.
 */
@LocalStackTest
class ConsolePostmortemAndReportIntegrationTest {

    private final LocalStack local;
    private final LocalResources resources;
    private WebFixture fixture;

    ConsolePostmortemAndReportIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        fixture = new WebFixture(local, resources);
    }

    private String putDraft(String incidentId, String markdown) {
        return local.s3().putObject(r -> r.bucket(resources.bucketName("PostmortemBucket"))
                .key(S3PostmortemStore.key(incidentId)).contentType("text/markdown; charset=utf-8"),
                RequestBody.fromString(markdown, StandardCharsets.UTF_8)).versionId();
    }

    @Test
    void postmortemPage_shouldReadTheLatestDraftAndEveryVersion_fromTheVersionedBucket() throws InterruptedException {
        String firstText = "# Postmortem: first\n\n## Summary\n\nFirst words.\n";
        String first = putDraft("90", firstText);
        Thread.sleep(1100); // S3 keeps times to the second: two versions, two times
        String second = putDraft("90", "# Postmortem: second\n\n## Summary\n\nSecond words.\n");
        putDraft("900", "# Another incident's draft, whose key shares the prefix\n");
        DraftVersions drafts = fixture.web.draftVersions();

        List<DraftVersions.Version> versions = drafts.versions("90");

        assertThat(versions).extracting(DraftVersions.Version::versionId).containsExactly(second, first);
        assertThat(versions).extracting(DraftVersions.Version::latest).containsExactly(true, false);
        assertThat(versions.get(1).bytes()).isEqualTo(firstText.getBytes(StandardCharsets.UTF_8).length);
        PostmortemPages pages = new PostmortemPages(() -> drafts);
        Document latest = parse(pages.handle(get("/console/incidents/90/postmortem", "")));
        assertThat(latest.selectFirst("article.draft").text()).contains("Second words.");
        assertThat(latest.select("h2#versions ~ div.scroll tbody tr")).hasSize(2);
        Document earlier = parse(pages.handle(get("/console/incidents/90/postmortem", "version=" + first)));
        assertThat(earlier.selectFirst("article.draft").text()).contains("First words.");
        assertThat(earlier.selectFirst(".notice").text()).contains("earlier version");
        HttpResponse none = pages.handle(get("/console/incidents/91/postmortem", ""));
        assertThat(none.status()).isEqualTo(404);
        assertThat(drafts.text("90", "no-such-version")).isEmpty();
    }

    @Test
    void reportPage_shouldReportIncidentsOfThePeriod_fromTheMonthIndex() {
        String a = fixture.declare("checkout", "Checkout errors");
        String b = fixture.declare("checkout", "Checkout latency");
        fixture.clock.advance(Duration.ofMinutes(4));
        fixture.web.incidentCommands().acknowledge(a, "alice");
        fixture.clock.advance(Duration.ofMinutes(26));
        fixture.web.incidentCommands().resolve(a, "alice", "rolled back");
        fixture.web.incidentCommands().resolve(b, "alice", "fixed");

        HttpResponse response = new ReportPages(fixture.web.reports(), fixture.clock)
                .handle(get("/console/reports", "from=2026-11-27&to=2026-11-27"));

        assertThat(response.status()).isEqualTo(200);
        Document doc = parse(response);
        assertThat(doc.selectFirst("main > p").text()).startsWith("2 incidents opened from 2026-11-27 to 2026-11-27");
        Element checkout = doc.selectFirst("h2#by-service ~ div.scroll table tbody tr");
        assertThat(checkout.selectFirst("th").text()).isEqualTo("checkout");
        assertThat(checkout.select("td")).extracting(Element::text)
                .containsExactly("2", "1", "4 min", "4 min", "2", "30 min", "30 min");
        assertThat(new ReportPages(fixture.web.reports(), fixture.clock)
                .handle(get("/console/reports", "from=2026-11-26&to=2026-11-26")).body()).contains("No incident opened");
    }
}
