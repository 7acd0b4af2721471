package dev.firebell.cli;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoFeedTokenStore;
import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.calendar.FeedSubject;
import dev.firebell.calendar.ShiftCalendar;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./firebell calendar-link}: the calendar feed URL of a person, a rotation or a schedule (docs/adr/0124),
 * created when it has none; {@code --rotate} replaces it (the old URL answers 404 at once), {@code --revoke} takes it
 * away.
 */
@Command(name = "calendar-link", mixinStandardHelpOptions = true,
        description = "Print the calendar (iCalendar) subscription URL of a person's shifts, or of all shifts of a"
                + " rotation or schedule; created on first use. Secret: whoever has it can read those shifts.")
final class CalendarLinkCommand implements Callable<Integer> {

    static final class Subject {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<person>", description = "A person's id.")
        String person;

        @Option(names = "--rotation", paramLabel = "<name>", description = "All shifts of this rotation.")
        String rotation;

        @Option(names = "--schedule", paramLabel = "<name>", description = "All shifts of this schedule.")
        String schedule;

        FeedSubject subject() {
            int given = (person != null ? 1 : 0) + (rotation != null ? 1 : 0) + (schedule != null ? 1 : 0);
            if (given != 1) {
                throw new IllegalArgumentException("name one calendar: <person>, --rotation <name> or --schedule"
                        + " <name>");
            }
            return person != null ? FeedSubject.person(person) : rotation != null ? FeedSubject.rotation(rotation)
                    : FeedSubject.schedule(schedule);
        }
    }

    static final class Change {
        @Option(names = "--rotate", description = "Replace the URL: the old one answers 404 from now on.")
        boolean rotate;

        @Option(names = "--revoke", description = "Take the URL away (404 from now on); the next call makes a new one.")
        boolean revoke;
    }

    @Mixin
    Subject subject = new Subject();

    @ArgGroup(exclusive = true)
    Change change = new Change();

    @Option(names = "--table", description = "DynamoDB table of a deployed stack (the IncidentsTableName output).")
    String table;

    @Option(names = "--base-url", description = "The stack's public endpoint (the PublicEndpointUrl output); the local"
            + " stack's by default.")
    String baseUrl;

    @Mixin
    StackOptions stack = new StackOptions();

    @Override
    public Integer call() {
        FeedSubject feed = subject.subject();
        return stack.onTable(table, "say where the stack is: --table <name> of a deployed stack, or --endpoint <url> of"
                + " a local stack started with './firebell stack'", (dynamo, name, local) -> {
                    DynamoConfigStore config = new DynamoConfigStore(dynamo, name, InstantSource.system(),
                            Duration.ZERO);
                    CalendarFeeds feeds = new CalendarFeeds(config, new OnCallService(config, OverrideStore.NONE,
                            InstantSource.system()), new DynamoFeedTokenStore(dynamo, name), InstantSource.system());
                    if (change != null && change.revoke) {
                        System.out.println(feeds.revoke(feed) ? "revoked: the calendar URL of " + feed
                                + " answers 404 from now on" : feed + " had no calendar URL");
                        return 0;
                    }
                    String token;
                    if (change != null && change.rotate) {
                        token = feeds.replace(feed);
                        System.out.println("replaced: the old calendar URL of " + feed + " stopped working;"
                                + " subscribe to:");
                    } else {
                        token = feeds.token(feed);
                        System.out.println(ShiftCalendar.calendarName(config.current().onCall(), feed) + ":");
                    }
                    printUrls(StackOptions.publicBase(baseUrl, local), token);
                    return 0;
                });
    }

    private static void printUrls(String base, String token) {
        if (base == null) {
            System.out.println("/" + CalendarFeeds.PATH + token + CalendarFeeds.SUFFIX);
            System.out.println("(prefix it with the stack's PublicEndpointUrl, or give it with --base-url)");
            return;
        }
        String url = CalendarFeeds.url(base.endsWith("/") ? base : base + "/", token);
        System.out.println(url);
        System.out.println(CalendarFeeds.webcal(url));
    }
}
