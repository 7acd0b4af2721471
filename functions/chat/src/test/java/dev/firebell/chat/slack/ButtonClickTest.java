package dev.firebell.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.announcement.AnnouncementAction;
import dev.firebell.aws.Json;
import dev.firebell.chat.ChatRequest;
import dev.firebell.chat.slack.ButtonClick.NotAButtonClickException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ButtonClickTest {

    @Test
    void of_shouldReadSlacksBlockActionsPayload_asTheCommandItsButtonStandsFor() {
        ButtonClick click = parse(ButtonClicks.fixture());

        assertThat(click).isEqualTo(new ButtonClick("T0FIREBELL", "", "U0ALICE", "alice.smith", "C0CHECKOUT",
                AnnouncementAction.ACKNOWLEDGE, "7",
                "https://hooks.slack.com/actions/T0FIREBELL/8213496527001/Qm9xZXNBbmRGaXJlYmVsbA"));
        assertThat(click.toChatRequest()).isEqualTo(new ChatRequest("T0FIREBELL", "U0ALICE", "alice.smith",
                "C0CHECKOUT", "/incident", "ack 7", ChatRequest.VIA_BUTTON));
        assertThat(click.describe()).isEqualTo("button firebell.ack on #7 by U0ALICE in T0FIREBELL");
    }

    @Test
    void of_shouldRunEscalateAndResolve_withoutAResolutionText() {
        assertThat(parse(ButtonClicks.click("U0BOB", "firebell.escalate", "12")).toChatRequest().text())
                .isEqualTo("escalate 12");
        assertThat(parse(ButtonClicks.click("U0BOB", "firebell.resolve", "12")).toChatRequest().text())
                .isEqualTo("resolve 12");
    }

    @Test
    void of_shouldTakeTheWorkspaceFromTheUser_whenSlackSendsNoTeam_andKeepTheEnterprise() {
        Map<String, Object> payload = ButtonClicks.fixture();
        payload.remove("team");
        payload.put("enterprise", Map.of("id", "E0GRID", "name", "Grid"));

        ButtonClick click = parse(payload);

        assertThat(click.teamId()).isEqualTo("T0FIREBELL");
        assertThat(click.enterpriseId()).isEqualTo("E0GRID");
    }

    @Test
    void of_shouldRefuseAFormWithoutJson() {
        assertRefused(Map.of("payload", "{not json"), "the payload is not JSON");
        assertRefused(Map.of("payload", ""), "the payload is not JSON");
        assertRefused(Map.of("payload", "[1, 2]"), "the payload is not a JSON object");
        assertRefused(Map.of("payload", "\"block_actions\""), "the payload is not a JSON object");
        assertRefused(Map.of("payload", "[".repeat(5000)), "the payload is not JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"view_submission", "shortcut", "message_action", "interactive_message", "BLOCK_ACTIONS"})
    void of_shouldRefuseOtherInteractions(String type) {
        assertRefused(with(p -> p.put("type", type)), "the payload's type is not block_actions");
    }

    @Test
    void of_shouldRefuseFieldsOfTheWrongType() {
        assertRefused(with(p -> p.put("user", "U0ALICE")), "user is not a JSON object");
        assertRefused(with(p -> p.put("user", Map.of("id", 42))), "user.id is not a string of at most 1000 characters");
        assertRefused(with(p -> p.put("user", Map.of("id", "<!channel>"))), "user.id is not a Slack id");
        assertRefused(with(p -> p.put("team", List.of("T0FIREBELL"))), "team is not a JSON object");
        assertRefused(with(p -> p.put("channel", Map.of("id", "C0\u0000"))), "channel.id is not a Slack id");
        assertRefused(with(p -> p.put("actions", Map.of())), "actions is not a list of one action");
        assertRefused(with(p -> p.put("actions", List.of())), "actions is not a list of one action");
        assertRefused(with(p -> p.put("actions", List.of("firebell.ack"))), "actions[0] is not a JSON object");
        assertRefused(with(p -> p.put("response_url", List.of())), "response_url is not a string of at most 1000 characters");
        assertRefused(with(p -> p.remove("response_url")), "response_url is not a string of at most 1000 characters");
        assertRefused(with(p -> p.put("user", Map.of("id", "U0ALICE", "username", "x".repeat(1001)))),
                "user.username is not a string of at most 1000 characters");
    }

    @Test
    void of_shouldRefuseTwoActionsAtOnce() {
        Map<String, Object> payload = ButtonClicks.fixture();
        Object action = ((List<?>) payload.get("actions")).get(0);
        payload.put("actions", List.of(action, action));

        assertRefused(payload, "actions is not a list of one action");
    }

    @ParameterizedTest
    @ValueSource(strings = {"firebell.unack", "firebell.reopen", "firebell.note", "ack", "approve_request", "",
            "firebell.ACK", "firebell.ack "})
    void of_shouldRefuseActionsThatAreNotFirebellsButtons(String actionId) {
        assertRefused(ButtonClicks.click("U0ALICE", actionId, "7"), "action_id is not one of Firebell's buttons");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "07", "#7", "7 all fixed", "7\n", "-7", "7.0", "abc", "1234567890123", "٧",
            "7; resolve 8"})
    void of_shouldRefuseValuesThatAreNotAnIncidentNumber(String value) {
        assertRefused(ButtonClicks.click("U0ALICE", "firebell.resolve", value),
                "the button's value is not an incident number");
    }

    @Test
    void of_shouldRefuseSomethingOtherThanAButton() {
        assertRefused(with(p -> p.put("actions", List.of(Map.of("type", "static_select", "action_id", "firebell.ack",
                "value", "7")))), "actions[0] is not a button");
    }

    @Test
    void of_shouldBeWhatSlackAskChoosesForAFormWithAPayload() {
        assertThat(SlackAsk.of(Map.of("payload", Json.write(ButtonClicks.fixture())))).isInstanceOf(ButtonClick.class);
        assertThat(SlackAsk.of(Map.of("team_id", "T0", "user_id", "U0", "command", "/incident")))
                .isInstanceOf(SlashCommand.class);
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> payload = ButtonClicks.fixture();
        change.accept(payload);
        return payload;
    }

    private static ButtonClick parse(Map<String, Object> payload) {
        return ButtonClick.of(Map.of("payload", Json.write(payload)));
    }

    private static void assertRefused(Map<String, ?> payloadOrForm, String problem) {
        Map<String, String> form = payloadOrForm.containsKey("payload") && payloadOrForm.get("payload") instanceof String
                ? castForm(payloadOrForm) : Map.of("payload", Json.write(payloadOrForm));
        assertThatThrownBy(() -> ButtonClick.of(form)).isInstanceOf(NotAButtonClickException.class)
                .hasMessage("not a Firebell button click: " + problem);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castForm(Map<String, ?> form) {
        return (Map<String, String>) form;
    }
}
