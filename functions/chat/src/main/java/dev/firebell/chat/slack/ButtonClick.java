package dev.firebell.chat.slack;

import dev.firebell.announcement.AnnouncementAction;
import dev.firebell.aws.Json;
import dev.firebell.chat.ChatRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A click on a button of a Firebell announcement: Slack's interactivity request, a form whose one field
 * {@code payload} holds JSON of {@code type: block_actions} ({@code user{id, username, team_id}}, {@code team{id}},
 * {@code enterprise}, {@code channel{id}}, {@code container{message_ts}}, {@code response_url},
 * {@code actions[{action_id, block_id, value, type, action_ts}]}). Read strictly: any other shape, another app's
 * action, or a value that is not an incident number is a {@link NotAButtonClickException}, so a click can only ever
 * run {@code <ack|escalate|resolve> <id>}, never a command with text of its own.
 */
public record ButtonClick(String teamId, String enterpriseId, String userId, String userName, String channelId,
                          AnnouncementAction action, String incidentId, String responseUrl) implements SlackAsk {

    /** Slack's ids: team, enterprise, user and channel ids are short upper-case alphanumerics. */
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{1,32}");
    /** An incident number as the buttons carry it: the id itself, nothing around it. */
    private static final Pattern INCIDENT_ID = Pattern.compile("[1-9][0-9]{0,11}");

    /** The click in a request's form fields, when it has a {@code payload} field. */
    public static ButtonClick of(Map<String, String> form) {
        Object parsed;
        try {
            parsed = Json.read(form.getOrDefault("payload", ""));
        } catch (IOException | RuntimeException e) {
            throw new NotAButtonClickException("the payload is not JSON");
        }
        Map<?, ?> payload = object(parsed, "the payload");
        if (!"block_actions".equals(payload.get("type"))) {
            throw new NotAButtonClickException("the payload's type is not block_actions");
        }
        Map<?, ?> user = object(payload.get("user"), "user");
        String userId = id(user.get("id"), "user.id");
        Object teamField = payload.get("team");
        String teamId = teamField == null ? id(user.get("team_id"), "user.team_id")
                : id(object(teamField, "team").get("id"), "team.id");
        Object enterpriseField = payload.get("enterprise");
        String enterpriseId = enterpriseField == null ? ""
                : id(object(enterpriseField, "enterprise").get("id"), "enterprise.id");
        Object channelField = payload.get("channel");
        String channelId = channelField == null ? "" : id(object(channelField, "channel").get("id"), "channel.id");
        if (!(payload.get("actions") instanceof List<?> actions) || actions.size() != 1) {
            throw new NotAButtonClickException("actions is not a list of one action");
        }
        Map<?, ?> clicked = object(actions.get(0), "actions[0]");
        if (!"button".equals(clicked.get("type"))) {
            throw new NotAButtonClickException("actions[0] is not a button");
        }
        AnnouncementAction action = AnnouncementAction.ofActionId(string(clicked.get("action_id"), "action_id"))
                .orElseThrow(() -> new NotAButtonClickException("action_id is not one of Firebell's buttons"));
        String value = string(clicked.get("value"), "value");
        if (!INCIDENT_ID.matcher(value).matches()) {
            throw new NotAButtonClickException("the button's value is not an incident number");
        }
        Object userName = user.get("username") != null ? user.get("username") : user.get("name");
        return new ButtonClick(teamId, enterpriseId, userId, userName == null ? "" : string(userName, "user.username"),
                channelId, action, value, string(payload.get("response_url"), "response_url"));
    }

    /** Exactly the command a person would type for this button, marked as a button's in the timeline. */
    @Override
    public ChatRequest toChatRequest() {
        return new ChatRequest(teamId, userId, userName, channelId, null, action.commandText(incidentId),
                ChatRequest.VIA_BUTTON);
    }

    /** For logs: which button on which incident, by whom. */
    @Override
    public String describe() {
        return "button " + action.actionId() + " on #" + incidentId + " by " + userId + " in " + teamId;
    }

    private static Map<?, ?> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new NotAButtonClickException(what + " is not a JSON object");
    }

    private static String string(Object value, String what) {
        if (value instanceof String s && s.length() <= 1000) {
            return s;
        }
        throw new NotAButtonClickException(what + " is not a string of at most 1000 characters");
    }

    private static String id(Object value, String what) {
        String s = string(value, what);
        if (!SLACK_ID.matcher(s).matches()) {
            throw new NotAButtonClickException(what + " is not a Slack id");
        }
        return s;
    }

    /** A signed interaction that is not a click on one of Firebell's buttons; the message says what is wrong. */
    public static final class NotAButtonClickException extends RuntimeException {
        public NotAButtonClickException(String problem) {
            super("not a Firebell button click: " + problem);
        }
    }
}
