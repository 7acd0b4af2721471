package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.function.escalation.EscalationHandler;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.ShiftedClock;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.person.Person;
import dev.firebell.timeline.TimelineEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The demo's incident as it unfolds, on one clock: each sample alarm delivered when it was delivered (re-stamped to
 * now), through the real alarm function; the escalation function run every whole minute, as its schedule would; the
 * people paged acknowledging as they would from chat. Alarm times and the clock agree, so timelines, pages and the
 * postmortem read in seconds and minutes.
 */
final class DemoReplay {

    /** How a scenario step's incident gets acknowledged, if it does. */
    enum Ack { NONE, PAGED_PERSON, AFTER_ESCALATION }

    /** Where the person who acknowledges answers from: the page's e-mail link, or a reply to its SMS. */
    enum From { EMAIL_LINK, SMS_REPLY }

    /**
     * One delivery: the event file, what it shows, and who acknowledges the incident it opens: the person its first
     * page reached, or the one its escalation paged, {@code ackAfter} after that page, from where.
     */
    record Step(String file, String caption, Ack ack, Duration ackAfter, From from) {
        Step(String file, String caption) {
            this(file, caption, Ack.NONE, Duration.ZERO, null);
        }
    }

    /** How long the escalation function keeps running after the last alarm, to show it pages nobody else. */
    static final Duration TAIL = Duration.ofMinutes(15);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private record PlannedAck(Instant at, String incidentId, String person, From from) {
    }

    private record Waiting(String incidentId, Duration ackAfter, From from) {
    }

    private final ShiftedClock clock;
    private final Duration shift;
    private final Path eventDir;
    private final FunctionRunner runner;
    private final LocalComponent paging;
    private final DemoAnswers answers;
    private final Map<String, String> numbers;
    private final EscalationHandler sweep;
    private final PrintStream out;
    private final PriorityQueue<PlannedAck> acks = new PriorityQueue<>(Comparator.comparing(PlannedAck::at));
    private final List<Waiting> waitingForEscalation = new ArrayList<>();
    private final Set<String> incidents = new LinkedHashSet<>();
    private Instant nextSweep;

    /** @param numbers each person's SMS number, for their replies */
    DemoReplay(ShiftedClock clock, Duration shift, Path eventDir, FunctionRunner runner, LocalComponent paging,
               DemoAnswers answers, Map<String, String> numbers, PrintStream out) {
        this.clock = clock;
        this.shift = shift;
        this.eventDir = eventDir;
        this.runner = runner;
        this.paging = paging;
        this.answers = answers;
        this.numbers = numbers;
        this.out = out;
        this.sweep = new EscalationHandler(paging.escalationEngine(), paging.pageDispatcher(), clock, clock::advance);
    }

    /** Replays the steps in order and returns the incidents they opened, in order. */
    Set<String> run(List<Step> steps) throws IOException {
        nextSweep = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        int number = 1;
        Instant lastDelivered = clock.instant();
        for (Step step : steps) {
            byte[] event = SampleEvents.restamp(Files.readAllBytes(eventDir.resolve(step.file())), shift);
            Instant delivered = SampleEvents.deliveredAt(event);
            lastDelivered = delivered.isAfter(lastDelivered) ? delivered : lastDelivered;
            runUntil(delivered);
            clock.advanceTo(delivered);
            out.println();
            out.printf("%s  %d. %s%n            event: %s, stamped %s%n", now(), number++, step.caption(), step.file(),
                    CLOCK.format(delivered));
            List<String> opened = DemoCommand.incidentIds(runner.invoke(DemoCommand.ALARM_FUNCTION, event));
            incidents.addAll(opened);
            if (!opened.isEmpty()) {
                plan(step, opened.get(0));
            }
        }
        Instant end = lastDelivered.plus(TAIL);
        runUntil(end);
        clock.advanceTo(end);
        boolean settled = incidents.stream().map(id -> paging.store().incident(id).orElseThrow())
                .noneMatch(i -> i.status() == IncidentStatus.TRIGGERED);
        out.println();
        out.printf("%s  escalation run, %d min after the last alarm%s%n", now(), TAIL.toMinutes(),
                settled ? " (acknowledged: nobody else is paged)" : "");
        out.println("            -> " + runner.invokeHandler(DemoCommand.ESCALATION_FUNCTION, sweep));
        return incidents;
    }

    private void plan(Step step, String incidentId) {
        switch (step.ack()) {
            case PAGED_PERSON -> {
                Optional<Page> page = lastPersonPage(incidentId, PageReason.TRIGGERED);
                if (page.isEmpty()) {
                    out.printf("            nobody was paged for #%s (its timeline says why), so nobody acknowledges"
                            + " it%n", incidentId);
                } else {
                    acks.add(new PlannedAck(page.get().sentAt().plus(step.ackAfter()), incidentId,
                            Person.idOfTarget(page.get().target()), step.from()));
                }
            }
            case AFTER_ESCALATION -> {
                out.printf("            nobody acknowledges #%s: the escalation function takes it to the next level%n",
                        incidentId);
                waitingForEscalation.add(new Waiting(incidentId, step.ackAfter(), step.from()));
            }
            case NONE -> {
            }
        }
    }

    /**
     * Acknowledgements and minute runs of the escalation function due before {@code until}, in time order. A run
     * takes what is due within its minute (it waits for it), so only the runs with something due are made: the others
     * would find nothing.
     */
    private void runUntil(Instant until) throws IOException {
        while (true) {
            PlannedAck ack = acks.peek();
            Instant run = nextRunWithWork();
            boolean ackFirst = ack != null && (run == null || !ack.at().isAfter(run));
            Instant next = ackFirst ? ack.at() : run;
            if (next == null || !next.isBefore(until)) {
                return;
            }
            clock.advanceTo(next);
            if (ackFirst) {
                acknowledge(acks.poll());
            } else {
                escalationRun();
                nextSweep = next.plus(Duration.ofMinutes(1));
            }
        }
    }

    /** The first whole minute, from the next scheduled run on, at which a run finds an escalation or a page due. */
    private Instant nextRunWithWork() {
        Optional<Instant> step = paging.escalationEngine().nextDue();
        Optional<Instant> page = paging.pageDispatcher().nextDue();
        Optional<Instant> due = step.isEmpty() ? page : page.isEmpty() ? step
                : Optional.of(step.get().isBefore(page.get()) ? step.get() : page.get());
        if (due.isEmpty()) {
            return null;
        }
        Instant minute = due.get().truncatedTo(ChronoUnit.MINUTES);
        return minute.isAfter(nextSweep) ? minute : nextSweep;
    }

    /** The person acknowledges from where their page reached them (or, with no place given, as chat does). */
    private void acknowledge(PlannedAck ack) {
        Incident incident = paging.store().incident(ack.incidentId()).orElseThrow();
        if (incident.status() != IncidentStatus.TRIGGERED) {
            return;
        }
        if (ack.from() == From.EMAIL_LINK) {
            answers.byEmailLink(ack.incidentId(), ack.person(), now());
            return;
        }
        if (ack.from() == From.SMS_REPLY && numbers.containsKey(ack.person())) {
            answers.bySmsReply(ack.incidentId(), ack.person(), numbers.get(ack.person()), now());
            return;
        }
        out.println();
        out.printf("%s  %s acknowledges #%s (IncidentCommands.acknowledge, as chat does): %s%n", now(), ack.person(),
                ack.incidentId(), paging.incidentCommands().acknowledge(ack.incidentId(), ack.person()).message());
    }

    /** One scheduled run; shown only if it did something. */
    private void escalationRun() throws IOException {
        Instant started = clock.instant();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String result = runner.invokeHandler(DemoCommand.ESCALATION_FUNCTION, sweep,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        if (Json.readObject(result).values().stream().allMatch(n -> n instanceof Number count && count.intValue() == 0)) {
            return;
        }
        out.println();
        out.printf("%s  escalation run (every minute)%n%s            -> %s%n", CLOCK.format(started),
                log.toString(StandardCharsets.UTF_8), result);
        DynamoIncidentStore store = paging.store();
        for (String id : incidents) {
            for (TimelineEntry e : store.timeline(id)) {
                if (!e.at().isBefore(started)) {
                    out.printf("            #%s %s  %-20s %s%n", id, CLOCK.format(e.at()), e.type(), e.summary());
                }
            }
        }
        for (Waiting w : List.copyOf(waitingForEscalation)) {
            Optional<Page> escalated = lastPersonPage(w.incidentId(), PageReason.ESCALATED);
            if (escalated.isPresent()) {
                waitingForEscalation.remove(w);
                acks.add(new PlannedAck(escalated.get().sentAt().plus(w.ackAfter()), w.incidentId(),
                        Person.idOfTarget(escalated.get().target()), w.from()));
            }
        }
    }

    private Optional<Page> lastPersonPage(String incidentId, PageReason reason) {
        List<Page> pages = paging.store().pages(incidentId);
        for (int i = pages.size() - 1; i >= 0; i--) {
            Page p = pages.get(i);
            if (p.reason() == reason && p.sentAt() != null && Person.idOfTarget(p.target()) != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private String now() {
        return CLOCK.format(clock.instant());
    }
}
