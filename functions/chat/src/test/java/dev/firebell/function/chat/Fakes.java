package dev.firebell.function.chat;

import dev.firebell.chat.OnCallDesk;
import dev.firebell.chat.PeopleDirectory;
import dev.firebell.chat.Postmortems;
import dev.firebell.chat.Responder;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.incident.Actor;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stand-ins for the on-call feature's ports and for the deferred-command plumbing. */
final class Fakes {

    static final Responder ALICE = new Responder("alice", "Alice Smith", "U0ALICE", ZoneId.of("Europe/Berlin"));
    static final Responder BOB = new Responder("bob", "Bob Jones", "U0BOB", ZoneId.of("America/New_York"));
    /** In the workspace, not in the on-call configuration. */
    static final String STRANGER = "U0STRANGER";

    private Fakes() {
    }

    static PeopleDirectory people(Responder... known) {
        return PeopleDirectory.of(List.of(known));
    }

    /** An on-call desk that knows one rotation, checkout-primary (alice now, bob next), and records what it did. */
    static final class OnCall implements OnCallDesk {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<String, String> actorDetails = new java.util.concurrent.ConcurrentHashMap<>();
        final Instant handOff;

        OnCall(Instant handOff) {
            this.handOff = handOff;
        }

        @Override
        public List<OnCallDesk.OnCall> whoIsOnCall(String teamOrService, Instant now) {
            if (teamOrService != null && !teamOrService.equals("checkout")) {
                throw new IllegalArgumentException("no team, service or rotation is called '" + teamOrService
                        + "'; rotations: checkout-primary");
            }
            return List.of(new OnCallDesk.OnCall("checkout-primary", "checkout",
                    new Shift("alice", handOff.minus(Duration.ofDays(7)), handOff),
                    new Shift("bob", handOff, handOff.plus(Duration.ofDays(7)))));
        }

        @Override
        public ShiftTaken takeShift(String rotation, String personId, Duration duration, Actor actor) {
            record(actor, "takeShift " + rotation + " " + personId + " " + duration);
            if (!rotation.equals("checkout-primary")) {
                throw new IllegalArgumentException("no rotation is called '" + rotation + "'; rotations: checkout-primary");
            }
            Instant now = Instant.now();
            return new ShiftTaken(rotation, personId, now, now.plus(duration), "alice");
        }

        @Override
        public MaintenanceWindow startMaintenance(String service, Duration duration, String reason, Actor actor) {
            record(actor, "startMaintenance " + service + " " + duration + " " + reason);
            Instant now = Instant.now();
            return new MaintenanceWindow("chat-" + service + "-test", service, now, now.plus(duration), reason,
                    actor.id());
        }

        @Override
        public Escalation escalateNow(String incidentId, Actor actor) {
            record(actor, "escalateNow " + incidentId);
            return new Escalation(incidentId, "escalated to level 2 by " + actor.id() + ": paging Bob Jones", 1);
        }

        private void record(Actor actor, String call) {
            calls.add(actor.id() + ": " + call);
            actorDetails.putAll(actor.details());
        }
    }

    static final class Postmortem implements Postmortems {
        final List<String> started = new CopyOnWriteArrayList<>();

        @Override
        public Draft start(String incidentId, Actor actor) {
            boolean created = !started.contains(incidentId);
            started.add(incidentId);
            return new Draft(incidentId, "Postmortem #" + incidentId, "https://wiki.example.com/pm/" + incidentId,
                    created);
        }
    }

    /** Keeps deferred commands instead of publishing them, so a test decides when (and how often) they run. */
    static final class Deferred implements SlackEndpoint.Deferrals {
        final List<SlackEndpoint.DeferredCommand> commands = new CopyOnWriteArrayList<>();

        @Override
        public void defer(SlackEndpoint.DeferredCommand command) {
            commands.add(command);
        }
    }

    /** Keeps what would have been posted to Slack response URLs. */
    static final class Responses implements SlackEndpoint.ResponseSender {
        record Post(URI url, Map<String, Object> message) {
        }

        final List<Post> posts = new CopyOnWriteArrayList<>();

        @Override
        public void send(URI responseUrl, Map<String, Object> message) {
            posts.add(new Post(responseUrl, message));
        }
    }
}
