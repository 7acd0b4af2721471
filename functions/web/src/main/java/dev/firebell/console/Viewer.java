package dev.firebell.console;

/**
 * Who is signed in to the console: a person of the configuration (who may act, exactly as in chat), or someone the
 * sign-in link was issued to who is not in it (a Slack user of the workspace, say), who may only read.
 *
 * @param personId the configuration's person id, or the chat user id of a reader outside it
 * @param name     how the console greets them
 * @param mayAct   whether acknowledge, escalate, resolve, notes, severity and overrides are offered and accepted
 */
public record Viewer(String personId, String name, boolean mayAct) {

    public Viewer {
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("a viewer needs a person id");
        }
        name = name == null || name.isBlank() ? personId : name;
    }
}
