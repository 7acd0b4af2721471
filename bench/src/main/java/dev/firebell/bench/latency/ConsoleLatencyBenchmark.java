package dev.firebell.bench.latency;

import static dev.firebell.bench.latency.CannedFirebell.alarmEvent;
import static dev.firebell.bench.latency.CannedFirebell.expect;
import static dev.firebell.bench.latency.CannedFirebell.handle;
import static dev.firebell.bench.latency.CannedFirebell.openIncident;

import dev.firebell.aws.Json;
import dev.firebell.aws.s3.S3PostmortemStore;
import dev.firebell.bench.BrowserRequest;
import dev.firebell.calendar.FeedSubject;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.web.CannedWebFunction;
import dev.firebell.function.web.WebHandler;
import dev.firebell.link.SignInLinks;
import dev.firebell.postmortem.PostmortemComposer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm server time of every console page, with AWS answered from memory ({@link CannedHttpClient}) as in
 * {@link LinkLatencyBenchmark}: the real web handler on its production graph ({@link CannedWebFunction}), the example
 * configuration, the bench's pinned clock. Set-up, through the real code only: an incident of checkout opened by the
 * alarm handler (open, paged), one of payments opened and resolved two hours earlier whose postmortem draft (composed
 * by the postmortem function's composer) is in the canned bucket in two versions, bob signed in through a one-time
 * link (GET, then the button's POST, then the session cookie), and bob's calendar feed token made. Then one benchmark
 * per page, each a GET with the session cookie, except {@code signInLink} (the link's GET, before any session),
 * {@code calendarFeed} (the feed's URL carries its own key) and {@code acknowledge} (the incident page's form POST,
 * from the incident as opened each time: the writes of the one before are forgotten).
 *
 * <p>The set-up fails unless each page answers its status with its own heading, and prints per page its status, the
 * bytes of its body (and gzipped: Function URLs send bodies as the function returns them, uncompressed) and the AWS
 * calls it made.
 * Run: {@code java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main ConsoleLatency}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConsoleLatencyBenchmark {

    /** The person signed in: checkout's first level, a person of the configuration (may act). */
    static final String PERSON = "bob";
    static final String SCHEDULE = "payments-follow-the-sun";
    private static final String HOST = URI.create(CannedFirebell.PUBLIC_BASE_URL).getHost();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private CannedHttpClient http;
    private WebHandler web;
    private byte[] incidents;
    private byte[] incident;
    private byte[] onCall;
    private byte[] schedules;
    private byte[] schedule;
    private byte[] person;
    private byte[] reports;
    private byte[] postmortem;
    private byte[] feed;
    private byte[] signIn;
    private byte[] acknowledge;

    @Setup(Level.Trial)
    public void build() throws IOException {
        http = new CannedHttpClient();
        LatencyComponent component = CannedFirebell.configured(http);
        InstantSource clock = component.clock();
        Instant now = clock.instant();
        AlarmIngestHandler alarms = new AlarmIngestHandler(component.alarmService());

        String resolved = resolvedIncident(alarms, now.minus(Duration.ofHours(2)));
        String draft = new PostmortemComposer(Duration.ofDays(30)).compose(
                component.store().incident(resolved).orElseThrow(), component.store().timeline(resolved), List.of())
                .markdown();
        String bucket = CannedFirebell.ENVIRONMENT.require("POSTMORTEM_BUCKET");
        http.putObjectVersion(bucket, S3PostmortemStore.key(resolved), "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
                now.minus(Duration.ofMinutes(89)), draft);
        http.putObjectVersion(bucket, S3PostmortemStore.key(resolved), "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHZ",
                now.minus(Duration.ofMinutes(30)), draft + "\nAction items reviewed.\n");
        String open = openIncident(alarms, now.minusSeconds(60));

        CannedWebFunction.Served served = CannedWebFunction.served(CannedFirebell.ENVIRONMENT, http, clock);
        web = served.handler();
        SignInLinks links = new SignInLinks(served.linkKeys(), () -> Optional.of(CannedFirebell.PUBLIC_BASE_URL), clock);
        String link = links.issue(PERSON, false).url();
        // A used link answers 410: the GET measured is another link's, never pressed.
        signIn = request("GET", URI.create(links.issue(PERSON, false).url()).getRawPath(), null, "");
        Answer signedIn = answer(handle(web, request("POST", URI.create(link).getRawPath(), null, "")));
        if (signedIn.status() != 303 || signedIn.cookies().isEmpty()) {
            throw new IllegalStateException("signing in through the link's button did not set a session: " + signedIn);
        }
        String cookie = signedIn.cookies().get(0).substring(0, signedIn.cookies().get(0).indexOf(';'));
        String feedToken = served.calendarFeeds().token(FeedSubject.person(PERSON));

        incidents = request("GET", "/console/incidents", cookie, "");
        incident = request("GET", "/console/incidents/" + open, cookie, "");
        onCall = request("GET", "/console/on-call", cookie, "");
        schedules = request("GET", "/console/schedules", cookie, "");
        schedule = request("GET", "/console/schedules/" + SCHEDULE, cookie, "");
        person = request("GET", "/console/people/" + PERSON, cookie, "");
        reports = request("GET", "/console/reports", cookie, "");
        postmortem = request("GET", "/console/incidents/" + resolved + "/postmortem", cookie, "");
        feed = request("GET", "/calendar/" + feedToken + ".ics", null, "");
        Matcher csrf = CSRF.matcher(answer(handle(web, incident)).body());
        if (!csrf.find()) {
            throw new IllegalStateException("the incident page has no form with a CSRF token for " + PERSON);
        }
        acknowledge = request("POST", "/console/incidents/" + open + "/acknowledge", cookie, "csrf=" + csrf.group(1));
        http.freeze();
        // The first postmortem page builds the S3 client (lazily, ADR 0126's module): not part of a warm page.
        postmortem();
        http.answered();

        StringBuilder report = new StringBuilder("Console pages (status, body bytes, gzipped bytes, AWS calls"
                + " answered):\n");
        report.append(row("signInLink", signInLink(), 200, "Sign in to Firebell as"));
        report.append(row("incidents", incidents(), 200, "<h1>Incidents</h1>", "#" + open));
        report.append(row("incident", incident(), 200, "Acknowledge"));
        report.append(row("onCall", onCall(), 200, "checkout"));
        report.append(row("schedules", schedules(), 200, SCHEDULE));
        report.append(row("schedule", schedule(), 200, SCHEDULE));
        report.append(row("person", person(), 200, "Bob Keller", "Subscribe in your calendar"));
        report.append(row("reports", reports(), 200, "MTTA"));
        report.append(row("postmortem", postmortem(), 200, "Postmortem of incident " + resolved, "Versions"));
        report.append(row("calendarFeed", calendarFeed(), 200, "BEGIN:VCALENDAR", "BEGIN:VEVENT"));
        report.append(row("acknowledge", acknowledge(), 303));
        System.out.print(report);
    }

    @Benchmark
    public String signInLink() {
        return handle(web, signIn);
    }

    @Benchmark
    public String incidents() {
        return handle(web, incidents);
    }

    @Benchmark
    public String incident() {
        return handle(web, incident);
    }

    @Benchmark
    public String onCall() {
        return handle(web, onCall);
    }

    @Benchmark
    public String schedules() {
        return handle(web, schedules);
    }

    @Benchmark
    public String schedule() {
        return handle(web, schedule);
    }

    @Benchmark
    public String person() {
        return handle(web, person);
    }

    @Benchmark
    public String reports() {
        return handle(web, reports);
    }

    @Benchmark
    public String postmortem() {
        return handle(web, postmortem);
    }

    @Benchmark
    public String calendarFeed() {
        return handle(web, feed);
    }

    @Benchmark
    public String acknowledge() {
        http.forgetWrites();
        return handle(web, acknowledge);
    }

    /** What the Function URL returns, decoded. */
    record Answer(int status, String body, Map<String, Object> headers, List<String> cookies) {
    }

    @SuppressWarnings("unchecked")
    static Answer answer(String output) {
        Map<String, Object> encoded;
        try {
            encoded = Json.readObject(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object body = encoded.getOrDefault("body", "");
        String text = Boolean.TRUE.equals(encoded.get("isBase64Encoded"))
                ? new String(java.util.Base64.getDecoder().decode((String) body), StandardCharsets.UTF_8)
                : String.valueOf(body);
        return new Answer(((Number) encoded.get("statusCode")).intValue(), text,
                (Map<String, Object>) encoded.getOrDefault("headers", Map.of()),
                (List<String>) encoded.getOrDefault("cookies", List.of()));
    }

    /** One line of the set-up's report; fails unless the page has its status and every fragment. */
    private String row(String name, String output, int status, String... fragments) {
        Answer a = answer(output);
        if (a.status() != status) {
            throw new IllegalStateException(name + " answered " + a.status() + " instead of " + status + ": "
                    + a.body());
        }
        expect(a.body(), fragments);
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        return String.format("  %-13s %d %,8d bytes %,7d gzipped  %s%n", name, a.status(), body.length,
                gzipped(body), http.answered());
    }

    static int gzipped(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    /** A payments alarm opened at {@code at} and back to OK half an hour later: the resolved incident's id. */
    private static String resolvedIncident(AlarmIngestHandler alarms, Instant at) {
        String id = openIncident(alarms, "payments-console-bench-latency", at);
        expect(handle(alarms, alarmEvent("payments-console-bench-latency", "OK", at.plus(Duration.ofMinutes(30)))),
                "\"RESOLVED\"");
        return id;
    }

    /** A browser's request with the session cookie (if any); a POST is a same-origin form. */
    private static byte[] request(String method, String path, String cookie, String form) {
        return BrowserRequest.of(method, HOST, path, cookie, form);
    }
}
