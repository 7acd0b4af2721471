package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
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

        // Taken half a minute before Monday's 09:00 Paris hand-off (alice's week ends, bob's begins), for 2 hours.
        String[] override = run("oncall", "override", "checkout-primary", "grace", "2h", "--reason", "swap",
                "--at", "2027-01-04T07:59:30Z", "--endpoint", endpoint);
        assertThat(override[0]).as(override[2]).isEqualTo("0");
        assertThat(override[1]).contains("grace is on call for checkout-primary from 2027-01-04T07:59:30Z until"
                + " 2027-01-04T09:59:30Z (instead of alice)");

        String[] who = run("oncall", "who", "checkout", "--at", "2027-01-04T08:30:00Z", "--endpoint", endpoint);
        assertThat(who[1]).contains("checkout-primary: grace").contains("(override by");
        assertThat(run("oncall", "who", "checkout-primary", "--at", "2027-01-04T10:30:00Z", "--endpoint", endpoint)[1])
                .contains("checkout-primary: bob").doesNotContain(": grace");

        String[] unknown = run("oncall", "override", "checkout-primary", "mallory", "2h", "--endpoint", endpoint);
        assertThat(unknown[0]).isEqualTo("1");
        assertThat(unknown[2]).contains("'mallory' is not a person");
    }
}
