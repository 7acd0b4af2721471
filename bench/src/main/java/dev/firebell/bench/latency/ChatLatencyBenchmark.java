package dev.firebell.bench.latency;

import static dev.firebell.bench.chat.SlackCommands.ALICE;
import static dev.firebell.bench.chat.SlackCommands.BOB;
import static dev.firebell.bench.latency.CannedFirebell.handle;

import dev.firebell.aws.Json;
import dev.firebell.bench.chat.SlackCommands;
import dev.firebell.chat.Responder;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.chat.CannedChatFunction;
import dev.firebell.function.chat.ChatHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
 * Warm latency of the chat function per command: the real {@link ChatHandler} on its production object graph
 * ({@link CannedChatFunction}: the chat function's modules, the signing secret read from Secrets Manager, deferred
 * commands published to the chat jobs topic), every AWS call answered by {@link CannedHttpClient}, so what is
 * measured is Firebell and the SDK's request work, never the network or an emulator (for those, see
 * {@code dev.firebell.bench.chat.ChatLatencyBench}). Each call is a Function URL event carrying a slash command
 * signed as Slack signs it ({@link SlackCommands}); the handler verifies the signature, parses, checks, runs the
 * command and encodes the answer.
 *
 * <p>State: infra/config/firebell.example.yaml, and one incident opened by the real alarm handler from an ALARM of
 * {@code checkout-api-5xx-high} (paged, escalation running).
 * <ul>
 *   <li>{@code help}, {@code status} (the incident), {@code list} (open incidents), {@code oncallService}
 *       ({@code oncall checkout}): reads;</li>
 *   <li>{@code ackUnack}: {@code ack} and {@code unack} of the incident in turn, so every call changes it (and pauses
 *       or resumes its escalation); after each pair the table is back where it started;</li>
 *   <li>{@code note}: a note appended to the incident's timeline (each call on the same starting table);</li>
 *   <li>{@code declareAnswer}: what {@code declare} answers within Slack's 3 seconds (checks, then the signed
 *       request published to the chat jobs topic); the second half, which opens and pages, runs in another
 *       invocation and is not timed here.</li>
 * </ul>
 * Requests are signed ahead, {@value #EVENTS} per command before each iteration (signing is Slack's work), each with
 * its own {@code trigger_id}; within an iteration they are used in turn. Only deferred halves consult the once-only
 * ledger, so reusing a signed request here changes nothing. {@code @Setup} runs every command and fails unless the
 * answer is a 200 saying what the command does, then prints the AWS calls each one made.
 *
 * <p>Run: {@code java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main ChatLatencyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChatLatencyBenchmark {

    static final int EVENTS = 1024;

    private CannedHttpClient http;
    private ChatHandler chat;
    private Requests help;
    private Requests status;
    private Requests list;
    private Requests oncall;
    private Requests ack;
    private Requests note;
    private Requests declare;

    /** One command's signed requests, used in turn. */
    private static final class Requests {
        private final Responder who;
        private final IntFunction<String> text;
        private final byte[][] events = new byte[EVENTS][];
        private int next;

        Requests(Responder who, IntFunction<String> text) {
            this.who = who;
            this.text = text;
        }

        void sign() {
            for (int i = 0; i < EVENTS; i++) {
                events[i] = SlackCommands.event(who, text.apply(i));
            }
        }

        /** The next request; the i-th of them has text {@code text.apply(i % EVENTS)}. */
        byte[] take() {
            return events[next++ & (EVENTS - 1)];
        }

        boolean nextIsEven() {
            return (next & 1) == 0;
        }
    }

    @Setup(Level.Trial)
    public void build() throws IOException {
        http = new CannedHttpClient();
        LatencyComponent component = CannedFirebell.configured(http);
        http.putSecret(CannedFirebell.SIGNING_SECRET_NAME, SlackCommands.SECRET);
        String id = CannedFirebell.openIncident(new AlarmIngestHandler(component.alarmService()),
                component.clock().instant().minusSeconds(60));
        chat = CannedChatFunction.handler(CannedFirebell.ENVIRONMENT, http, component.clock());
        http.freeze();

        help = new Requests(BOB, i -> "help");
        status = new Requests(BOB, i -> "status " + id);
        list = new Requests(BOB, i -> "list");
        oncall = new Requests(BOB, i -> "oncall checkout");
        ack = new Requests(ALICE, i -> (i % 2 == 0 ? "ack " : "unack ") + id);
        note = new Requests(ALICE, i -> "note " + id + " benchmark note " + i);
        declare = new Requests(ALICE, i -> "declare SEV4 Bench incident " + i + " checkout");
        sign();

        // The first call reads the signing secret and the configuration: not what a warm call does.
        http.answered();
        answer("help", help(), "commands");
        List<String> calls = new ArrayList<>();
        calls.add(answer("help", help(), "commands"));
        calls.add(answer("status", status(), "*#" + id + " ", "Triggered", "checkout"));
        calls.add(answer("list", list(), "Open incidents* (1)", "#" + id + "*"));
        calls.add(answer("oncall checkout", oncallService(), "On call for checkout", "checkout-primary", "now "));
        calls.add(answer("ack", ackUnack(), ":eyes:", "acknowledged *#" + id + "*"));
        calls.add(answer("unack", ackUnack(), ":leftwards_arrow_with_hook:", "withdrew the acknowledgement of *#" + id));
        calls.add(answer("ack again", ackUnack(), ":eyes:", "acknowledged *#" + id + "*"));
        calls.add(answer("unack again", ackUnack(), ":leftwards_arrow_with_hook:"));
        calls.add(answer("note", note(), ":memo:", "noted on *#" + id + "*", "benchmark note"));
        calls.add(answer("declare (answer)", declareAnswer(), "Declaring a SEV4 incident for checkout"));
        http.forgetWrites();
        System.out.println("AWS calls answered per command: " + String.join("; ", calls));
    }

    /** Fresh signatures before each iteration: Slack's are valid for five minutes. */
    @Setup(Level.Iteration)
    public void sign() {
        for (Requests r : List.of(help, status, list, oncall, ack, note, declare)) {
            r.sign();
        }
    }

    @Benchmark
    public String help() {
        return handle(chat, help.take());
    }

    @Benchmark
    public String status() {
        return handle(chat, status.take());
    }

    @Benchmark
    public String list() {
        return handle(chat, list.take());
    }

    @Benchmark
    public String oncallService() {
        return handle(chat, oncall.take());
    }

    @Benchmark
    public String ackUnack() {
        if (ack.nextIsEven()) {
            http.forgetWrites(); // the pair before is undone: the incident is triggered, as it was opened
        }
        return handle(chat, ack.take());
    }

    @Benchmark
    public String note() {
        http.forgetWrites();
        return handle(chat, note.take());
    }

    @Benchmark
    public String declareAnswer() {
        return handle(chat, declare.take());
    }

    /**
     * Fails unless the handler answered HTTP 200 with a Slack message holding every fragment and no warning; the
     * AWS calls it made, for the report.
     */
    private String answer(String command, String output, String... fragments) throws IOException {
        Map<String, Object> response = Json.readObject(output);
        String body = String.valueOf(response.get("body"));
        if (!(response.get("statusCode") instanceof Number code && code.intValue() == 200) || body.contains(":warning:")) {
            throw new IllegalStateException(command + " did not do its job: " + output);
        }
        CannedFirebell.expect(body, fragments);
        return command + ": " + http.answered();
    }
}
