package dev.firebell.function.chat;

import dev.firebell.chat.OnCallDesk;
import dev.firebell.chat.PeopleDirectory;
import dev.firebell.chat.Postmortems;
import dev.firebell.chat.slack.SlackEndpoint;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Collaborators of the chat function to use instead of the production ones, for the local server
 * ({@code ./firebell serve}), benchmarks and tests: people, on-call and postmortem implementations, how
 * deferred commands are started and answered, and the clock commands run on. Anything not set is the production
 * choice (see {@link ChatModule}).
 */
public final class ChatOverrides {

    private PeopleDirectory people;
    private OnCallDesk onCall;
    private Postmortems postmortems;
    private SlackEndpoint.Deferrals deferrals;
    private SlackEndpoint.ResponseSender responses;
    private InstantSource clock;

    private ChatOverrides() {
    }

    public static ChatOverrides none() {
        return new ChatOverrides();
    }

    public ChatOverrides people(PeopleDirectory value) {
        people = value;
        return this;
    }

    public ChatOverrides onCall(OnCallDesk value) {
        onCall = value;
        return this;
    }

    public ChatOverrides postmortems(Postmortems value) {
        postmortems = value;
        return this;
    }

    /** How the second half of a deferred command is started (production: a message to the chat jobs topic). */
    public ChatOverrides deferrals(SlackEndpoint.Deferrals value) {
        deferrals = value;
        return this;
    }

    /** Where deferred answers go (production: an HTTPS POST to the Slack response URL). */
    public ChatOverrides responses(SlackEndpoint.ResponseSender value) {
        responses = value;
        return this;
    }

    /**
     * The clock commands run on: incidents, on-call, maintenance ({@code ./firebell serve --at}). Slack signs requests
     * with the real time, so signatures, replays and the cached signing secret stay on the wall clock.
     */
    public ChatOverrides clock(InstantSource value) {
        clock = value;
        return this;
    }

    Optional<PeopleDirectory> people() {
        return Optional.ofNullable(people);
    }

    Optional<OnCallDesk> onCall() {
        return Optional.ofNullable(onCall);
    }

    Optional<Postmortems> postmortems() {
        return Optional.ofNullable(postmortems);
    }

    Optional<SlackEndpoint.Deferrals> deferrals() {
        return Optional.ofNullable(deferrals);
    }

    Optional<SlackEndpoint.ResponseSender> responses() {
        return Optional.ofNullable(responses);
    }

    Optional<InstantSource> clock() {
        return Optional.ofNullable(clock);
    }
}
