package dev.firebell.cli;

import dev.firebell.local.LocalResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a stack's reserved concurrency fits the account: Lambda refuses a reservation that would leave fewer than
 * {@value #KEPT_UNRESERVED} executions unreserved, and the deploy then fails on the function. New accounts often have a
 * quota of 10, which leaves nothing to reserve.
 */
final class ConcurrencyCheck {

    /** What Lambda always keeps unreserved for the functions without a reservation. */
    static final int KEPT_UNRESERVED = 100;

    /** The account's concurrency: its quota, and what no function has reserved yet. */
    record Account(int limit, int unreserved) {
    }

    /** What the stack's functions reserve, by logical id, as the stack's parameters resolve them. */
    static Map<String, Integer> reservations(LocalResources stack) {
        Map<String, Integer> reserved = new LinkedHashMap<>();
        for (String function : stack.template().functionIds()) {
            Object value = stack.resolve(stack.template().function(function).properties()
                    .get("ReservedConcurrentExecutions"));
            if (value != null) {
                reserved.put(function, Integer.valueOf(String.valueOf(value)));
            }
        }
        return reserved;
    }

    /** Whether the reservations fit, and the lines that say so. */
    record Verdict(boolean fits, List<String> lines) {
    }

    static Verdict verdict(Account account, Map<String, Integer> reservations) {
        int reserved = reservations.values().stream().mapToInt(Integer::intValue).sum();
        List<String> lines = new ArrayList<>();
        String what = reservations.isEmpty() ? "reserves nothing" : "reserves " + reserved + " "
                + reservations.toString().replace("=", " ").replace("{", "(").replace("}", ")");
        String summary = "Lambda concurrency: the account runs at most " + account.limit() + " executions at once, "
                + account.unreserved() + " of them unreserved; this stack " + what;
        int left = account.unreserved() - reserved;
        if (reserved == 0 || left >= KEPT_UNRESERVED) {
            lines.add(summary + ": fits (" + left + " stay unreserved; Lambda keeps at least " + KEPT_UNRESERVED + ")");
            return new Verdict(true, lines);
        }
        lines.add("problem: " + summary + ", which would leave " + left + " unreserved where Lambda keeps at least "
                + KEPT_UNRESERVED + ": the deploy would fail on the first reserving function.");
        lines.add("  deploy with ReserveConcurrency=false and ChatReservedConcurrency=none, or ask for a higher quota:"
                + " Service Quotas > AWS Lambda > Concurrent executions (L-B99A9384), at least "
                + (account.limit() + KEPT_UNRESERVED - left) + " (docs/deploy.md#concurrency)");
        lines.add("  (updating a stack that already reserves: its present reservations are already out of the"
                + " unreserved figure)");
        return new Verdict(false, lines);
    }

    private ConcurrencyCheck() {
    }
}
