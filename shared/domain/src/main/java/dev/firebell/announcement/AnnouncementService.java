package dev.firebell.announcement;

import dev.firebell.chat.PeopleDirectory;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationState;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStore;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps one incident's announcement current: posts it once, in its service's channel, and updates it whenever the
 * incident is in a newer state than the message shows. Safe under at-least-once, out-of-order and repeated calls:
 * <ul>
 *   <li>it always renders the incident as read now (strongly consistent), never what a caller saw, and updates the
 *       message only when that state is newer ({@link Revision}) than what it shows;</li>
 *   <li>it claims the right to post with a conditional write before posting, so one incident never gets two
 *       messages; the claim lasts as long as the invocation holding it ({@code until}), so one left by a crash lapses,
 *       and whoever takes it over first looks for the message the crashed attempt may have posted
 *       ({@link AnnouncementChannel#findEarlier}) before posting;</li>
 *   <li>every failure of the channel propagates: the caller's delivery retries it, so nothing is dropped silently.</li>
 * </ul>
 */
public final class AnnouncementService {

    /**
     * The timeline entries of a change an announcement shows: opened, acknowledged or not, escalated (or exhausted),
     * resolved, reopened, a new severity. Others (duplicates, pages sent, notes) leave it as it is.
     */
    public static final Set<TimelineEntryType> CHANGES = Collections.unmodifiableSet(EnumSet.of(
            TimelineEntryType.OPENED, TimelineEntryType.ACKNOWLEDGED, TimelineEntryType.UNACKNOWLEDGED,
            TimelineEntryType.ESCALATED, TimelineEntryType.ESCALATION_EXHAUSTED, TimelineEntryType.RESOLVED,
            TimelineEntryType.REOPENED, TimelineEntryType.SEVERITY_CHANGED));

    private final IncidentStore incidents;
    private final ConfigSource config;
    private final PeopleDirectory people;
    private final AnnouncementStore store;
    private final AnnouncementChannel channel;
    private final InstantSource clock;

    public AnnouncementService(IncidentStore incidents, ConfigSource config, PeopleDirectory people,
                               AnnouncementStore store, AnnouncementChannel channel, InstantSource clock) {
        this.incidents = incidents;
        this.config = config;
        this.people = people;
        this.store = store;
        this.channel = channel;
        this.clock = clock;
    }

    /** What one call did. */
    public record Outcome(String incidentId, Kind kind, String detail) {
    }

    public enum Kind {
        /** The announcement was posted. */
        POSTED,
        /** A crashed attempt had posted it: found again, brought up to date and remembered. */
        RECOVERED,
        /** The message was updated to a newer state. */
        UPDATED,
        /** The message shows this state (or a newer one) already. */
        UNCHANGED,
        /** The incident's service is announced nowhere (no channel of its own and no default). */
        NOT_ANNOUNCED,
        /** There is no such incident. */
        NO_INCIDENT
    }

    /**
     * Brings the incident's announcement up to date.
     *
     * @param until when the calling invocation ends at the latest (its claim, if it makes one, lapses then)
     * @throws AnnouncementBusyException another invocation is posting it right now
     * @throws RuntimeException          whatever the channel or the store failed with
     */
    public Outcome announce(String incidentId, Instant until) {
        Optional<Incident> found = incidents.incident(incidentId);
        if (found.isEmpty()) {
            return new Outcome(incidentId, Kind.NO_INCIDENT, "no incident #" + incidentId);
        }
        Incident incident = found.get();
        Optional<AnnouncementRecord> record = store.find(incidentId);
        if (record.isPresent() && record.get().posted()) {
            return update(record.get(), announcement(incident));
        }
        String channelId = record.map(AnnouncementRecord::channel)
                .orElseGet(() -> config.current().slackChannel(incident.service()).orElse(null));
        if (channelId == null) {
            return new Outcome(incidentId, Kind.NOT_ANNOUNCED, "service " + incident.service() + " has no Slack channel"
                    + " (services." + incident.service() + ".slackChannel or chat.slackChannel)");
        }
        return post(incident, channelId, record.orElse(null), until);
    }

    private Outcome post(Incident incident, String channelId, AnnouncementRecord earlier, Instant until) {
        String id = incident.id();
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        if (!store.claim(id, channelId, now, until, token)) {
            AnnouncementRecord current = store.find(id).orElseThrow(() -> new IllegalStateException(
                    "the announcement claim of #" + id + " was refused, but there is no claim"));
            if (current.posted()) {
                return update(current, announcement(incident));
            }
            throw new AnnouncementBusyException(id, current);
        }
        try {
            return postClaimed(incident, channelId, earlier, token);
        } catch (RuntimeException failed) {
            // Say so, so that the retry takes the claim over at once; if this fails too, the claim lapses at `until`.
            try {
                store.release(id, token, clock.instant());
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
    }

    private Outcome postClaimed(Incident incident, String channelId, AnnouncementRecord earlier, String token) {
        String id = incident.id();
        Announcement announcement = announcement(incident);
        if (earlier != null) {
            // We took over a lapsed claim: its attempt may have posted before it failed or died.
            Optional<MessageRef> left = channel.findEarlier(channelId, id, earlier.claimedAt());
            if (left.isPresent()) {
                channel.update(left.get(), announcement);
                remember(id, token, left.get(), announcement.revision());
                return new Outcome(id, Kind.RECOVERED, "found the message an earlier attempt posted in " + channelId
                        + " (" + left.get().id() + ") and brought it to revision " + announcement.revision());
            }
        }
        MessageRef message = channel.post(channelId, announcement);
        remember(id, token, message, announcement.revision());
        return new Outcome(id, Kind.POSTED, "posted in " + channelId + " (" + message.id() + "), revision "
                + announcement.revision());
    }

    private void remember(String incidentId, String token, MessageRef message, Revision revision) {
        if (!store.posted(incidentId, token, message, revision, clock.instant())) {
            // Only a claim that lapsed while its invocation was still running could be taken; its lease is that
            // invocation's end, so this means a clock or configuration bug: say so loudly.
            throw new IllegalStateException("posted the announcement of #" + incidentId + " as " + message
                    + ", but the claim was taken over meanwhile");
        }
    }

    private Outcome update(AnnouncementRecord record, Announcement announcement) {
        String id = record.incidentId();
        if (!announcement.revision().isNewerThan(record.revision())) {
            return new Outcome(id, Kind.UNCHANGED, "the message shows revision " + record.revision() + " already");
        }
        channel.update(record.message(), announcement);
        boolean stored = store.updated(id, record.revision(), announcement.revision(), clock.instant());
        return new Outcome(id, Kind.UPDATED, "updated " + record.message().id() + " in " + record.message().channel()
                + " from revision " + record.revision() + " to " + announcement.revision()
                + (stored ? "" : " (another update was remembered meanwhile)"));
    }

    /** The incident as its announcement shows it now. */
    Announcement announcement(Incident incident) {
        Optional<EscalationState> escalation = incidents.escalation(incident.id());
        FirebellConfig current = config.current();
        Announcement.Escalation shown = escalation.filter(e -> e.policy() != null).map(e -> {
            EscalationPolicy policy = current.escalationPolicies().get(e.policy());
            String level = e.lastStep() < 0 || policy == null ? null : policy.describeStep(e.lastStep());
            return new Announcement.Escalation(e.policy(), e.status(), level);
        }).orElse(null);
        Revision revision = new Revision(incident.version(), escalation.map(EscalationState::version).orElse(0L));
        // Without an escalation policy there is no next level to page: no Escalate button.
        List<AnnouncementAction> actions = AnnouncementAction.forStatus(incident.status()).stream()
                .filter(a -> a != AnnouncementAction.ESCALATE || shown != null).toList();
        return new Announcement(incident, people.named(incident.acknowledgedBy()),
                people.named(incident.resolvedBy()), shown, actions, revision);
    }
}
