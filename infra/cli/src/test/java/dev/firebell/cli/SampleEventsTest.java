package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.function.alarm.AlarmEventDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo's recorded alarms, re-stamped: every time moved alike, in all three delivery shapes, nothing else touched. */
class SampleEventsTest {

    private static final Path EVENTS = Path.of("../demo/events");
    private static final Instant RECORDED = Instant.parse("2026-11-27T09:00:00Z");
    /** The European clock change night, as the demo test replays it. */
    private static final Duration SHIFT = Duration.between(RECORDED, Instant.parse("2027-03-28T01:00:00Z"));

    private final AlarmEventDecoder decoder = new AlarmEventDecoder();

    @Test
    void restamp_movesEveryStateChangeByTheShift_inEveryShape() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSize(9);
        for (Path file : files) {
            byte[] recorded = Files.readAllBytes(file);

            List<AlarmStateChange> before = decoder.decode(recorded);
            List<AlarmStateChange> after = decoder.decode(SampleEvents.restamp(recorded, SHIFT));

            assertThat(after).as(file.toString()).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                AlarmStateChange b = before.get(i);
                AlarmStateChange a = after.get(i);
                assertThat(a.stateTimestamp()).as(file.toString()).isEqualTo(b.stateTimestamp().plus(SHIFT));
                assertThat(a).usingRecursiveComparison().ignoringFields("stateTimestamp", "reason").isEqualTo(b);
            }
        }
    }

    @Test
    void restamp_leavesNoTimeOfTheRecording_andNothingButTimesChanges() throws IOException {
        for (Path file : files()) {
            String recorded = Files.readString(file);

            String replayed = new String(SampleEvents.restamp(recorded.getBytes(StandardCharsets.UTF_8), SHIFT),
                    StandardCharsets.UTF_8);

            assertThat(replayed).as(file.toString()).doesNotContain("2026-", "/11/26 ", "November, 2026");
            assertThat(masked(replayed)).as(file.toString()).isEqualTo(masked(recorded));
        }
    }

    @Test
    void restamp_writesEachTimeAsItWasWritten() throws IOException {
        String eventBridge = restamped("01-checkout-alarm.eventbridge.json");
        String sns = restamped("02-checkout-alarm-redelivered.sns.json");
        String stale = restamped("03-checkout-stale-ok.eventbridge.json");
        String alarmAction = restamped("04-checkout-alarm-again.alarm-action.json");
        String composite = restamped("05-payments-composite.eventbridge.json");

        assertThat(eventBridge).contains("\"time\": \"2027-03-28T01:00:05Z\"")
                .contains("\"timestamp\": \"2027-03-28T01:00:04.861+0000\"")
                .contains("\"timestamp\": \"2027-03-28T00:41:12.004+0000\"")
                .contains("queryDate\\\":\\\"2027-03-28T01:00:04.861+0000\\\"")
                .contains("[57.0 (28/03/27 00:59:00), 44.0 (28/03/27 00:58:00), 31.0 (28/03/27 00:57:00)]");
        assertThat(sns).contains("\"Timestamp\": \"2027-03-28T01:00:05.137Z\"")
                .contains("\\\"StateChangeTime\\\":\\\"2027-03-28T01:00:04.861+0000\\\"")
                .contains("\\\"AlarmConfigurationUpdatedTimestamp\\\":\\\"2027-01-31T06:11:09.392+0000\\\"");
        // Across midnight: the OK before it dates from the previous evening.
        assertThat(stale).contains("\"timestamp\": \"2027-03-27T14:10:00.000+0000\"");
        assertThat(alarmAction).contains("\"time\": \"2027-03-28T01:06:10.215+0000\"");
        assertThat(composite).contains("transitioned to ALARM at Sunday 28 March, 2027 01:07:58 UTC")
                .contains("\\\"timestamp\\\":\\\"2027-03-28T01:07:58.321+0000\\\"")
                .contains("\\\"timestamp\\\":\\\"2027-03-28T01:08:01.102+0000\\\"");
    }

    @Test
    void deliveredAt_isTheDeliveryTimeOfEachShape() throws IOException {
        assertThat(SampleEvents.deliveredAt(Files.readAllBytes(EVENTS.resolve("01-checkout-alarm.eventbridge.json"))))
                .isEqualTo("2026-11-27T09:00:05Z");
        assertThat(SampleEvents.deliveredAt(Files.readAllBytes(EVENTS.resolve("02-checkout-alarm-redelivered.sns.json"))))
                .isEqualTo("2026-11-27T09:00:05.137Z");
        assertThat(SampleEvents.deliveredAt(Files.readAllBytes(EVENTS.resolve("04-checkout-alarm-again.alarm-action.json"))))
                .isEqualTo("2026-11-27T09:06:10.215Z");
        assertThatThrownBy(() -> SampleEvents.deliveredAt("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no delivery time");
    }

    @Test
    void shiftToStartAt_startsTheRecordingAtTheNextWholeMinute() {
        Instant first = Instant.parse("2026-11-27T09:00:05Z");

        assertThat(SampleEvents.shiftToStartAt(first, Instant.parse("2027-03-28T00:59:30Z"))).isEqualTo(SHIFT);
        assertThat(SampleEvents.shiftToStartAt(first, Instant.parse("2027-03-28T01:00:00Z"))).isEqualTo(SHIFT);
        assertThat(SampleEvents.shiftToStartAt(first, Instant.parse("2026-11-27T09:00:00Z"))).isZero();
    }

    private static String restamped(String file) throws IOException {
        return new String(SampleEvents.restamp(Files.readAllBytes(EVENTS.resolve(file)), SHIFT), StandardCharsets.UTF_8);
    }

    /** The text with digits, week days and months blotted out: what a re-stamping may change. */
    private static String masked(String text) {
        return text.replaceAll("\\d", "#").replaceAll("(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", "<day>")
                .replaceAll("January|February|March|April|May|June|July|August|September|October|November|December",
                        "<month>");
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
