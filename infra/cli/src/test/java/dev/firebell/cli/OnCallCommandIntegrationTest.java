package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** {@code ./firebell oncall}: shifts from a file across a clock change, and an override taken on a stack. */
@LocalStackTest
class OnCallCommandIntegrationTest {

    private static final String EXAMPLE = "../config/firebell.example.yaml";

    private final LocalStack local;

    OnCallCommandIntegrationTest(LocalStack local) {
        this.local = local;
    }

    private String[] run(String... args) {
        CliRun run = CliRun.of(args);
        return new String[] {String.valueOf(run.exit()), run.out(), run.err()};
    }

    @Test
    void shifts_listsEveryHandoffAtItsLocalTime_acrossTheSpringClockChange() {
        String[] r = run("oncall", "shifts", "checkout-primary", "--from", "2026-03-16", "--days", "21", "--zone",
                "Europe/Paris", "--config", EXAMPLE);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("2026-03-16T08:00:00Z,2026-03-23T08:00:00Z,Mon 2026-03-16 09:00,")
                .contains("2026-03-23T08:00:00Z,2026-03-30T07:00:00Z,Mon 2026-03-23 09:00,")
                .contains("2026-03-30T07:00:00Z,");
    }

    @Test
    void anOverrideTakenOnTheStack_isWhoIsOnCall_untilItEnds() {
        String endpoint = local.endpoint().toString();
        assertThat(run("config", "apply", EXAMPLE, "--endpoint", endpoint, "--no-subscriptions")[0]).isEqualTo("0");

        String[] override = run("oncall", "override", "checkout-primary", "grace", "2h", "--reason", "swap",
                "--endpoint", endpoint);
        assertThat(override[0]).as(override[2]).isEqualTo("0");
        assertThat(override[1]).contains("grace is on call for checkout-primary from");

        String[] who = run("oncall", "who", "checkout", "--endpoint", endpoint);
        assertThat(who[1]).contains("checkout-primary: grace").contains("(override by");
        String later = Instant.now().plus(3, ChronoUnit.HOURS).toString();
        assertThat(run("oncall", "who", "checkout-primary", "--at", later, "--endpoint", endpoint)[1])
                .doesNotContain(": grace");

        String[] unknown = run("oncall", "override", "checkout-primary", "mallory", "2h", "--endpoint", endpoint);
        assertThat(unknown[0]).isEqualTo("1");
        assertThat(unknown[2]).contains("'mallory' is not a person");
    }
}
