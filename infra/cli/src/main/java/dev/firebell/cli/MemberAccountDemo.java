package dev.firebell.cli;

import dev.firebell.local.ShiftedClock;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's alarm from another account: payments' own AWS account (named {@code payments-prod} in the example
 * configuration) in us-east-1, as the member template forwards it to the central event bus. It is replayed after the
 * main story, at the next whole minute of the demo's clock, through the same alarm function: routed by the account's
 * name, and its timeline and page say where it is from (docs/accounts.md).
 */
final class MemberAccountDemo {

    static final DemoReplay.Step STEP = new DemoReplay.Step("09-payments-account-alarm.eventbridge.json",
            "card-authorizer-latency-p99 goes to ALARM in account payments-prod (210987654321), us-east-1, forwarded to"
                    + " the central event bus: routed by the account's name, paging payments' on-call",
            DemoReplay.Ack.PAGED_PERSON, Duration.ofSeconds(100), null);

    private MemberAccountDemo() {
    }

    /** Replays {@link #STEP} from {@code eventDir} on the demo's clock and returns the incident it opened. */
    static Set<String> run(ShiftedClock clock, Path eventDir, FunctionRunner runner, LocalComponent paging,
                           DemoAnswers answers, Map<String, String> numbers, PrintStream out) throws IOException {
        byte[] recorded = Files.readAllBytes(eventDir.resolve(STEP.file()));
        Duration shift = SampleEvents.shiftToStartAt(SampleEvents.deliveredAt(recorded), clock.instant());
        out.println();
        out.println("== An alarm from another account and region (the stack runs in 123456789012, eu-west-1) ==");
        Set<String> opened = new DemoReplay(clock, shift, eventDir, runner, paging, answers, numbers, out).run(List.of(STEP));
        for (String id : opened) {
            paging.store().timeline(id).stream().filter(e -> e.type() == TimelineEntryType.OPENED)
                    .map(TimelineEntry::summary)
                    .forEach(summary -> out.printf("%n#%s's OPENED entry: %s%n", id, summary));
        }
        return opened;
    }
}
