package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Incident;
import dev.firebell.paging.PageMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostmortemAnnouncementTest {

    @Test
    void compose_shouldKeepTheSubjectAsciiAndUnder100_andTellHowToGetTheDraft() {
        Fixtures.Case c = Fixtures.simple();
        Incident longTitle = c.incident().toBuilder().title("Zahlungsausfall \u00fcberall \u2013 " + "x".repeat(200)).build();
        PostmortemDraft draft = new PostmortemComposer(Duration.ofDays(30)).compose(longTitle, c.timeline(), List.of());
        StoredDraft stored = new StoredDraft("1", "s3://b/postmortems/1.md", "v7", draft.sha256(), false,
                "https://console/x", "aws s3api get-object --bucket b --key postmortems/1.md --version-id v7 pm.md");

        PageMessage m = new PostmortemAnnouncement().compose(draft, stored);

        assertThat(m.subject()).hasSizeLessThan(100).matches("[\\x20-\\x7E]*").endsWith("...");
        assertThat(m.emailBody()).contains("Draft:     s3://b/postmortems/1.md (version v7)",
                "Download:  aws s3api get-object --bucket b --key postmortems/1.md --version-id v7 pm.md",
                "Duration:  12 min");
        assertThat(m.sms()).isEqualTo("Firebell: postmortem draft for incident #1 is ready.");
        assertThat(m.attributes()).doesNotContainKey("target");
    }
}
