package dev.firebell.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final Set<String> SERVICES = Set.of("checkout", "payments", "platform");

    private final Routing routing = new Routing(List.of(
            new RouteRule("payments by name", new AlarmMatch("payments-", null, null, Map.of(), null, null),
                    "payments", Severity.SEV1),
            new RouteRule("checkout load balancer", new AlarmMatch(null, null, "AWS/ApplicationELB",
                    Map.of("LoadBalancer", "app/checkout-*"), null, Set.of("eu-west-1")), "checkout", Severity.SEV2),
            new RouteRule("anything in staging", new AlarmMatch(null, Pattern.compile(".*-staging"), null, Map.of(),
                    null, null), "platform", Severity.SEV5)),
            "platform", Severity.SEV3, true);

    @Test
    void route_shouldUseTheFirstMatchingRule() {
        RoutingDecision d = routing.route(Alarms.change("payments-db-cpu", AlarmState.ALARM, "2026-01-01T00:00:00Z"), SERVICES);
        assertThat(d.service()).isEqualTo("payments");
        assertThat(d.severity()).isEqualTo(Severity.SEV1);
        assertThat(d.reason()).contains("payments by name");
    }

    @Test
    void route_shouldMatchNamespaceDimensionPrefixAndRegion() {
        RoutingDecision d = routing.route(Alarms.change("alb-5xx", AlarmState.ALARM, "2026-01-01T00:00:00Z"), SERVICES);
        assertThat(d.service()).isEqualTo("checkout");
        assertThat(d.severity()).isEqualTo(Severity.SEV2);
    }

    @Test
    void route_shouldMatchAnyOfTheRulesAccountsInAnyOfItsRegions() {
        // GIVEN a rule for two accounts (ids, or names the binder turned into ids) in two regions
        Routing byAccount = new Routing(List.of(new RouteRule("shop accounts", new AlarmMatch(null, null, null, Map.of(),
                Set.of("111122223333", "444455556666"), Set.of("us-east-1", "eu-central-1")), "checkout", Severity.SEV2)),
                "platform", Severity.SEV3, false);
        String at = "2026-01-01T00:00:00Z";

        // THEN an alarm of either account, in either region, is the rule's; any other account or region is not
        assertThat(byAccount.route(Alarms.in("111122223333", "us-east-1", "orders-5xx", AlarmState.ALARM, at), SERVICES)
                .reason()).isEqualTo("rule 'shop accounts'");
        assertThat(byAccount.route(Alarms.in("444455556666", "eu-central-1", "orders-5xx", AlarmState.ALARM, at),
                SERVICES).service()).isEqualTo("checkout");
        assertThat(byAccount.route(Alarms.in("111122223333", "eu-west-1", "orders-5xx", AlarmState.ALARM, at), SERVICES)
                .service()).isEqualTo("platform");
        assertThat(byAccount.route(Alarms.in("999988887777", "us-east-1", "orders-5xx", AlarmState.ALARM, at), SERVICES)
                .service()).isEqualTo("platform");
    }

    @Test
    void route_shouldFallBackToTheDefault_whenNoRuleMatches() {
        AlarmStateChange composite = new AlarmStateChange(Alarms.arn("site-health"), "site-health", null, Alarms.ACCOUNT,
                "eu-west-1", dev.firebell.alarm.AlarmKind.COMPOSITE, AlarmState.ALARM, null, "x",
                java.time.Instant.parse("2026-01-01T00:00:00Z"), List.of(), List.of(), dev.firebell.alarm.DeliveryShape.SNS);
        RoutingDecision d = routing.route(composite, SERVICES);
        assertThat(d.service()).isEqualTo("platform");
        assertThat(d.severity()).isEqualTo(Severity.SEV3);
        assertThat(d.reason()).isEqualTo("default route");
    }

    @Test
    void route_shouldLetDescriptionHintsWin_whenEnabled() {
        RoutingDecision d = routing.route(Alarms.change("alb-5xx", AlarmState.ALARM, "2026-01-01T00:00:00Z",
                "Owner: payments team. service=payments, severity=sev4"), SERVICES);
        assertThat(d.service()).isEqualTo("payments");
        assertThat(d.severity()).isEqualTo(Severity.SEV4);
    }

    @Test
    void route_shouldIgnoreAndExplainAHint_whenItNamesAnUnknownService() {
        RoutingDecision d = routing.route(Alarms.change("alb-5xx", AlarmState.ALARM, "2026-01-01T00:00:00Z",
                "service=billing severity=SEV9"), SERVICES);
        assertThat(d.service()).isEqualTo("checkout");
        assertThat(d.severity()).isEqualTo(Severity.SEV2);
        assertThat(d.notes()).hasSize(2);
        assertThat(d.notes().get(0)).contains("service=billing names no configured service");
        assertThat(d.notes().get(1)).contains("SEV9");
    }

    @Test
    void route_shouldIgnoreHints_whenNotEnabled() {
        Routing off = new Routing(routing.rules(), "platform", Severity.SEV3, false);
        RoutingDecision d = off.route(Alarms.change("alb-5xx", AlarmState.ALARM, "2026-01-01T00:00:00Z",
                "service=payments"), SERVICES);
        assertThat(d.service()).isEqualTo("checkout");
    }

    @Test
    void hints_shouldNotMatchInsideOtherWords() {
        DescriptionHints h = DescriptionHints.parse("webservice=foo; subseverity=SEV1");
        assertThat(h.service()).isEmpty();
        assertThat(h.severity()).isEmpty();
    }

    @Test
    void severity_shouldAcceptCommonSpellings() {
        assertThat(Severity.parse("sev2")).isEqualTo(Severity.SEV2);
        assertThat(Severity.parse("4")).isEqualTo(Severity.SEV4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Severity.parse("SEV0"))
                .hasMessageContaining("SEV1, SEV2, SEV3, SEV4, SEV5");
    }
}
