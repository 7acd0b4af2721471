package dev.firebell.console.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverrideFormTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2027-03-24T10:00:30Z");

    private final OnCallScene scene = new OnCallScene();

    @Test
    void read_shouldTakeTheStartInTheViewersZone_andADuration() {
        OverrideForm form = read("alice", "2027-03-24T12:00", "2h30m", "");

        assertThat(form.problems()).isEmpty();
        assertThat(form.start()).isEqualTo(Instant.parse("2027-03-24T11:00:00Z"));
        assertThat(form.duration()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void read_shouldTakeAnEnd_acrossTheSpringChange() {
        OverrideForm form = read("bob", "2027-03-27T22:00", "", "2027-03-28T04:00");

        assertThat(form.problems()).isEmpty();
        assertThat(form.duration()).as("the night has one hour less").isEqualTo(Duration.ofHours(5));
    }

    @Test
    void read_shouldCountTheMinuteThatIsNow_asNotPast() {
        assertThat(read("alice", "2027-03-24T11:00", "1h", "").problems()).isEmpty();
        assertThat(read("alice", "2027-03-24T10:59", "1h", "").problems())
                .singleElement().asString().startsWith("Start is in the past (2027-03-24 10:59 Europe/Paris)");
    }

    @Test
    void read_shouldNameEveryProblem() {
        assertThat(read("eve", "2027-03-24T12:00", "1h", "").problems())
                .containsExactly("'eve' is not a person of the configuration: choose one from the list.");
        assertThat(read("", "", "", "").problems()).containsExactly("Choose who takes the shift.",
                "Start is missing: give a date and time.", "Give a duration (such as 4h, 1d or 2h30m) or an end.");
        assertThat(read("alice", "tomorrow", "soon", "").problems()).containsExactly(
                "Start 'tomorrow' is not a date and time: write it like 2026-12-07T09:00.",
                "Duration 'soon' is not a duration: write it like 45m, 4h, 1d or 2h30m.");
        assertThat(read("alice", "2027-03-24T12:00", "", "2027-03-24T11:00").problems())
                .containsExactly("End is not after start: the override would last no time.");
        assertThat(read("alice", "2027-03-24T12:00", "32d", "").problems())
                .containsExactly("An override lasts at most 31 days; for longer, change the rotation in the configuration.");
        assertThat(read("alice", "2027-03-24T12:00", "1h", "2027-03-24T14:00").problems())
                .containsExactly("Give a duration or an end, not both.");
        assertThat(read("alice", "2028-04-01T12:00", "1h", "").problems())
                .containsExactly("Start is more than a year ahead: an override may be planned at most a year ahead.");
    }

    private OverrideForm read(String person, String start, String duration, String end) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("person", person);
        fields.put("start", start);
        fields.put("duration", duration);
        fields.put("end", end);
        return OverrideForm.read(fields, scene.config.onCall().people(), PARIS, NOW);
    }
}
