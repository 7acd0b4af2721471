package dev.firebell.calendar;

import static dev.firebell.calendar.CalendarFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.OnCallService;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

/** Feeds read back with ical4j, an independent RFC 5545 parser, the way a calendar app would read them. */
class CalendarFeedsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private FirebellConfig config = CalendarFixture.config();
    private final CalendarFixture.Overrides overrides = new CalendarFixture.Overrides();
    private final OnCallService onCall = new OnCallService(() -> config, overrides, now::get);
    private final InMemoryFeedTokenStore tokens = new InMemoryFeedTokenStore();
    private final CalendarFeeds feeds = new CalendarFeeds(() -> config, onCall, tokens, now::get);

    @Test
    void aPersonsFeed_isAValidPublishedCalendar_ofTheirShiftsFromEveryRotationAndSchedule_inUtc() throws Exception {
        String ics = feeds.feed(feeds.token(FeedSubject.person("carol"))).orElseThrow();
        Calendar calendar = parse(ics);

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.PRODID)).isEqualTo(ShiftCalendar.PRODID);
        assertThat(value(calendar, Property.CALSCALE)).isEqualTo("GREGORIAN");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Firebell: Carol <Diaz> on call");
        assertThat(value(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT1H");
        assertThat(value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT1H");

        // Window 2027-03-06T12Z to 2027-06-12T12Z: carol's weeks from Mar 1 (overlapping its start), Mar 22, Apr 12,
        // May 3, May 24, each in the rotation and in the schedule that layers it.
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(10);
        assertThat(events.stream().map(e -> text(e, Property.SUMMARY)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("On call: checkout-primary", "On call: payments");
        assertThat(events.stream().map(e -> start(e)).distinct().toList()).containsExactly(
                Instant.parse("2027-03-01T08:00:00Z"), Instant.parse("2027-03-22T08:00:00Z"),
                Instant.parse("2027-04-12T07:00:00Z"), Instant.parse("2027-05-03T07:00:00Z"),
                Instant.parse("2027-05-24T07:00:00Z"));
        for (VEvent e : events) {
            assertThat(text(e, Property.TRANSP)).isEqualTo("TRANSPARENT");
            assertThat(text(e, Property.SEQUENCE)).isEqualTo("0");
            assertThat(text(e, Property.DTSTAMP)).isEqualTo("20270320T120000Z");
            assertThat(text(e, Property.UID)).endsWith("@firebell");
        }
        assertThat(events.stream().map(e -> text(e, Property.UID)).distinct()).hasSize(10);
    }

    @Test
    void aWeekAcrossTheChangeToSummerTime_startsAndEndsAt0900ParisTime_inUtc() throws Exception {
        List<VEvent> events = events(FeedSubject.rotation("checkout-primary"));

        VEvent carols = events.stream().filter(e -> start(e).equals(Instant.parse("2027-03-22T08:00:00Z")))
                .findFirst().orElseThrow();
        assertThat(text(carols, Property.DTSTART)).isEqualTo("20270322T080000Z");
        assertThat(text(carols, Property.DTEND)).as("09:00 CEST").isEqualTo("20270329T070000Z");
        assertThat(text(carols, Property.SUMMARY)).isEqualTo("Carol <Diaz> on call");
        assertThat(text(carols, Property.DESCRIPTION)).isEqualTo("Carol <Diaz> on call for rotation checkout-primary."
                + "\nHand-off from Bob Lee.\nHand-off to Alice Martin.");
        assertThat(Duration.between(start(carols), end(carols))).isEqualTo(Duration.ofHours(7 * 24 - 1));
    }

    @Test
    void everyLine_endsWithCrlf_andIsAtMost75Octets() {
        String ics = feeds.feed(feeds.token(FeedSubject.rotation("checkout-primary"))).orElseThrow();

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void uids_areTheSameOnTheNextFetch_forTheSameShifts_andOnlyTheStampMoves() throws Exception {
        FeedSubject alice = FeedSubject.person("alice");
        Map<Instant, String> first = uidsByStart(events(alice));
        now.set(NOW.plus(Duration.ofDays(1)).plusSeconds(77));
        List<VEvent> later = events(alice);
        Map<Instant, String> second = uidsByStart(later);

        assertThat(second).isEqualTo(first);
        assertThat(text(later.get(0), Property.DTSTAMP)).isEqualTo("20270321T120117Z");
    }

    @Test
    void anOverride_splitsTheShiftItCovers_keepsTheUidOfTheUnchangedStart_andIsMarkedInTheCoversFeed()
            throws Exception {
        FeedSubject carol = FeedSubject.person("carol");
        String before = uidsByStart(events(carol)).get(Instant.parse("2027-03-22T08:00:00Z"));
        onCall.override("checkout-primary", "bob", Instant.parse("2027-03-24T08:00:00Z"), Duration.ofDays(1), "carol",
                "dentist; back Thursday, promise \\o/");

        List<VEvent> carols = events(carol).stream().filter(e -> text(e, Property.SUMMARY).contains("checkout"))
                .toList();
        VEvent firstPart = carols.stream().filter(e -> start(e).equals(Instant.parse("2027-03-22T08:00:00Z")))
                .findFirst().orElseThrow();
        assertThat(text(firstPart, Property.UID)).as("same start, same event: updated in place").isEqualTo(before);
        assertThat(end(firstPart)).isEqualTo(Instant.parse("2027-03-24T08:00:00Z"));
        assertThat(text(firstPart, Property.DESCRIPTION)).endsWith("Hand-off to Bob Lee.");
        assertThat(carols.stream().map(CalendarFeedsTest::start)).contains(Instant.parse("2027-03-25T08:00:00Z"));

        VEvent cover = events(FeedSubject.person("bob")).stream()
                .filter(e -> start(e).equals(Instant.parse("2027-03-24T08:00:00Z"))
                        && text(e, Property.SUMMARY).contains("checkout")).findFirst().orElseThrow();
        assertThat(text(cover, Property.SUMMARY)).isEqualTo("On call: checkout-primary (override)");
        assertThat(text(cover, Property.DESCRIPTION)).isEqualTo("Bob Lee on call for rotation checkout-primary."
                + "\nOverride: covers Carol <Diaz> (dentist; back Thursday, promise \\o/), set by Carol <Diaz>."
                + "\nHand-off from Carol <Diaz>.\nHand-off to Carol <Diaz>.");
        assertThat(end(cover)).isEqualTo(Instant.parse("2027-03-25T08:00:00Z"));
    }

    @Test
    void aScheduleFeed_holdsEveryonesShifts_namingThePerson() throws Exception {
        List<VEvent> events = events(FeedSubject.schedule("payments"));

        assertThat(events).extracting(e -> text(e, Property.SUMMARY)).startsWith("Carol <Diaz> on call",
                "Alice Martin on call", "Bob Lee on call", "Carol <Diaz> on call");
        assertThat(text(events.get(0), Property.DESCRIPTION)).startsWith("Carol <Diaz> on call for schedule payments.");
    }

    @Test
    void theFeedOfAReplacedOrRevokedToken_isGone_andAnUnknownTokenOpensNothing() {
        FeedSubject alice = FeedSubject.person("alice");
        String first = feeds.token(alice);
        assertThat(feeds.token(alice)).as("asking again gives the same link").isEqualTo(first);

        String second = feeds.replace(alice);

        assertThat(second).isNotEqualTo(first);
        assertThat(feeds.feed(first)).isEmpty();
        assertThat(feeds.feed(second)).isPresent();
        assertThat(feeds.revoke(alice)).isTrue();
        assertThat(feeds.feed(second)).isEmpty();
        assertThat(feeds.feed("not-a-token")).isEmpty();
        assertThat(feeds.feed(null)).isEmpty();
    }

    @Test
    void aSubjectRemovedFromTheConfiguration_hasNoFeed_andAnUnknownOneGetsNoToken() {
        String token = feeds.token(FeedSubject.person("bob"));
        FirebellConfig full = config;
        config = new FirebellConfig(Map.of(), full.routing(), new dev.firebell.oncall.OnCallConfig(
                Map.of("alice", full.onCall().people().get("alice")), Map.of(), full.onCall().rotations(), Map.of()),
                Map.of(), List.of(), full.quietHours());

        assertThat(feeds.feed(token)).isEmpty();
        assertThatThrownBy(() -> feeds.token(FeedSubject.schedule("payments")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("schedule payments is not in the configuration");
        assertThat(tokens.tokens(List.of(FeedSubject.schedule("payments")))).isEmpty();
    }

    @Test
    void urls_areUnderThePublicBase_andWebcalIsTheSameAddress() {
        String url = CalendarFeeds.url("https://oncall.example.com/", "abc");
        assertThat(url).isEqualTo("https://oncall.example.com/calendar/abc.ics");
        assertThat(CalendarFeeds.webcal(url)).isEqualTo("webcal://oncall.example.com/calendar/abc.ics");
    }

    private List<VEvent> events(FeedSubject subject) throws Exception {
        return parse(feeds.feed(feeds.token(subject)).orElseThrow()).getComponents(Component.VEVENT);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String text(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Instant start(VEvent event) {
        return instant(event.getProperty(Property.DTSTART));
    }

    private static Instant end(VEvent event) {
        return instant(event.getProperty(Property.DTEND));
    }

    @SuppressWarnings("unchecked")
    private static Instant instant(java.util.Optional<Property> property) {
        Temporal t = ((DateProperty<Temporal>) property.orElseThrow()).getDate();
        return Instant.from(t);
    }

    private static Map<Instant, String> uidsByStart(List<VEvent> events) {
        return events.stream().filter(e -> text(e, Property.SUMMARY).contains("checkout"))
                .collect(Collectors.toMap(CalendarFeedsTest::start, e -> text(e, Property.UID)));
    }
}
