package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BlamelessReviewTest {

    private final BlamelessReview review = new BlamelessReview();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Root cause: human error during the deploy.                 | human error",
            "Classic operator error on the failover.                    | operator error",
            "It was Bob's fault, plain and simple.                      | Bob's fault",
            "It was Bob’s fault (curly apostrophe).                     | Bob’s fault",
            "Honestly my fault, I pushed it.                            | my fault",
            "The on-call engineer was at fault.                         | at fault",
            "We can't blame the cache for this one.                     | blame",
            "alice should have checked the dashboard first.             | should have",
            "He shouldn't have restarted both nodes.                    | shouldn't have",
            "They should've waited for the canary.                      | should've",
            "A second review could have prevented it.                   | could have prevented",
            "Why didn't anyone look at the queue depth?                 | Why didn't",
            "A careless config push took the database down.             | careless",
            "Frankly negligent handling of the secrets.                 | negligent",
            "The operator forgot to drain the node.                     | forgot to",
            "The release manager failed to check the checklist.         | failed to check",
            "Somebody messed up the DNS record.                         | messed up",
            "A mistake by the new hire.                                 | mistake by",
    })
    void review_shouldFlag_blamingPhrases(String text, String phrase) {
        List<BlameFinding> findings = review.review("note", text.strip());

        assertThat(findings).extracting(BlameFinding::phrase).containsExactly(phrase.strip());
        assertThat(findings.get(0).excerpt()).contains(phrase.strip());
        assertThat(findings.get(0).guidance()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The 5xx error rate rose to 12% after the deploy.",
            "Human-readable errors are now logged.",
            "The fault-tolerant queue kept every message.",
            "A faulty disk on node 3 was replaced.",
            "We hold a blameless review on Monday.",
            "This is a blame-free team.",
            "It was nobody's fault; the runbook step is ambiguous.",
            "Not anyone's fault: the alarm threshold was too high.",
            "The deploy failed to roll back because the old image was gone.",
            "The load balancer shed load as designed.",
            "Rotate the shoulder of the curve on the latency graph.",
            "",
    })
    void review_shouldNotFlag_neutralText(String text) {
        assertThat(review.review("note", text)).isEmpty();
    }

    @Test
    void review_shouldReportEveryPhrase_inOrderOfAppearance_onceEach() {
        List<BlameFinding> findings = review.review("resolution by dave",
                "Careless push; the operator forgot to check. Human error, and he should have known.");

        assertThat(findings).extracting(BlameFinding::phrase)
                .containsExactly("Careless", "forgot to", "Human error", "should have");
        assertThat(findings).allSatisfy(f -> assertThat(f.source()).isEqualTo("resolution by dave"));
    }

    @Test
    void review_shouldCutLongTextToAnExcerpt_aroundThePhrase() {
        String text = "word ".repeat(40) + "human error" + " word".repeat(40);

        BlameFinding finding = review.review("note", text).get(0);

        assertThat(finding.excerpt()).startsWith("…").endsWith("…").contains("human error").hasSizeLessThan(140);
    }
}
