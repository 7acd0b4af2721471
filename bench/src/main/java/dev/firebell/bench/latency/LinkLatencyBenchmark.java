package dev.firebell.bench.latency;

import static dev.firebell.bench.latency.CannedFirebell.expect;
import static dev.firebell.bench.latency.CannedFirebell.handle;
import static dev.firebell.bench.latency.CannedFirebell.openIncident;

import dev.firebell.answer.PageAction;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.web.CannedWebFunction;
import dev.firebell.function.web.WebHandler;
import dev.firebell.incident.Channel;
import dev.firebell.incident.Incident;
import dev.firebell.link.ActionLinks;
import dev.firebell.link.LinkKey;
import dev.firebell.link.LinkTokens;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageComposer;
import dev.firebell.paging.PageMessage;
import dev.firebell.person.Person;
import java.io.IOException;
import java.net.URI;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Warm cost of the links in pages (docs/paging.md), with AWS answered from memory ({@link CannedHttpClient}) as in
 * {@link HandlerLatencyBenchmark}: an incident is opened by the real alarm handler (its page composed with links), then
 * <ul>
 *   <li>{@code verifyToken}: a link's token checked against the key (decode, HMAC-SHA256, constant-time compare,
 *       expiry), nothing else;</li>
 *   <li>{@code openLink}: the GET of the Acknowledge link through the real web handler: event decoded, token
 *       verified, incident read, confirmation page rendered with its headers (1 AWS call);</li>
 *   <li>{@code acknowledgeByLink}: the POST of its button: verified, acknowledged as the paged person from an e-mail
 *       link (escalation paused, the answer recorded once), the result page (each time from the incident as opened:
 *       the writes of the one before are forgotten);</li>
 *   <li>{@code composeWithLinks} / {@code composeWithoutLinks}: the same page to the same person composed by the
 *       functions' composer (seven signed links: three in the e-mail, one in the SMS, three in the document; reply
 *       codes in the SMS) and by a composer without links: the difference is what links add to every page.</li>
 * </ul>
 * Run: {@code java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main LinkLatency}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LinkLatencyBenchmark {

    private CannedHttpClient http;
    private WebHandler web;
    private byte[] get;
    private byte[] post;
    private String token;
    private List<LinkKey> keys;
    private InstantSource clock;
    private Incident incident;
    private Page page;
    private PageComposer withLinks;
    private final PageComposer withoutLinks = new PageComposer();

    @Setup(Level.Trial)
    public void build() throws IOException {
        http = new CannedHttpClient();
        LatencyComponent component = CannedFirebell.configured(http);
        clock = component.clock();
        AlarmIngestHandler alarms = new AlarmIngestHandler(component.alarmService());
        String id = openIncident(alarms, clock.instant().minusSeconds(60));
        incident = component.store().incident(id).orElseThrow();
        page = component.store().pages(id).get(0);
        String person = Person.idOfTarget(page.target());
        withLinks = component.pageComposer();
        web = CannedWebFunction.handler(CannedFirebell.ENVIRONMENT, http, clock);

        URI link = URI.create(component.actionLinks().forPerson(id, person, Channel.EMAIL_LINK,
                EnumSet.of(PageAction.ACKNOWLEDGE)).orElseThrow().url(PageAction.ACKNOWLEDGE));
        token = ActionLinks.tokenOf(link.getRawPath()).orElseThrow();
        keys = List.of(LinkKey.of(CannedFirebell.LINK_KEY));
        get = request("GET", link);
        post = request("POST", link);
        http.freeze();
        http.answered();

        if (!(verifyToken() instanceof LinkTokens.Verification.Valid)) {
            throw new IllegalStateException("the link's token does not verify: " + verifyToken());
        }
        expect(openLink(), "\"statusCode\":200", "Acknowledge incident #" + id + "?");
        String calls = "openLink: " + http.answered();
        expect(acknowledgeByLink(), "\"statusCode\":200", "acknowledged by " + person + " from an e-mail link");
        calls += "; acknowledgeByLink: " + http.answered();
        expect(composeWithLinks().emailBody(), "Acknowledge: " + CannedFirebell.PUBLIC_BASE_URL + ActionLinks.PATH);
        if (composeWithoutLinks().emailBody().contains(ActionLinks.PATH)) {
            throw new IllegalStateException("a composer without links put links in a page");
        }
        System.out.println("AWS calls answered per request: " + calls + "; page to " + page.target()
                + ": SMS of " + composeWithLinks().sms().length() + " characters with links, "
                + composeWithoutLinks().sms().length() + " without");
    }

    @Benchmark
    public LinkTokens.Verification verifyToken() {
        return LinkTokens.verify(token, keys, clock.instant());
    }

    @Benchmark
    public String openLink() {
        return handle(web, get);
    }

    @Benchmark
    public String acknowledgeByLink() {
        http.forgetWrites();
        return handle(web, post);
    }

    @Benchmark
    public PageMessage composeWithLinks() {
        return withLinks.compose(incident, page);
    }

    @Benchmark
    public PageMessage composeWithoutLinks() {
        return withoutLinks.compose(incident, page);
    }

    /** The Function URL event of a phone's browser opening the link, or posting its button's empty form. */
    private static byte[] request(String method, URI link) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", link.getAuthority());
        headers.put("user-agent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/131.0.0.0 Mobile Safari/537.36");
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (method.equals("POST")) {
            headers.put("content-type", "application/x-www-form-urlencoded");
            headers.put("origin", "null");
        }
        return FunctionUrlEvent.of(method, link.getRawPath(), "", headers, new byte[0], true, "198.51.100.7");
    }
}
