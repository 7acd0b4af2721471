package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.routing.Severity;
import dev.firebell.service.InsufficientDataPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigBinderTest {

    private final ConfigBinder binder = new ConfigBinder();

    @Test
    void bind_shouldReadServicesAndRouting() {
        FirebellConfig config = binder.bind(Map.of(
                "services", Map.of(
                        "checkout", Map.of("pageTarget", "team-checkout", "reopenWindow", "20m",
                                "insufficientData", "note"),
                        "platform", Map.of("autoResolve", false)),
                "routing", Map.of(
                        "descriptionHints", true,
                        "default", Map.of("service", "platform", "severity", "SEV4"),
                        "rules", List.of(Map.of("name", "checkout", "service", "checkout", "severity", "sev2",
                                "match", Map.of("alarmNamePrefix", "checkout-",
                                        "dimensions", Map.of("LoadBalancer", "app/checkout-*")))))));

        assertThat(config.service("checkout").pageTarget()).isEqualTo("team-checkout");
        assertThat(config.service("checkout").reopenWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.service("checkout").insufficientData()).isEqualTo(InsufficientDataPolicy.NOTE);
        assertThat(config.service("platform").autoResolve()).isFalse();
        assertThat(config.service("platform").pageTarget()).isEqualTo("platform");
        assertThat(config.routing().defaultService()).isEqualTo("platform");
        assertThat(config.routing().defaultSeverity()).isEqualTo(Severity.SEV4);
        assertThat(config.routing().descriptionHints()).isTrue();
        assertThat(config.routing().rules()).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("checkout");
            assertThat(r.severity()).isEqualTo(Severity.SEV2);
            assertThat(r.match().dimensions()).containsEntry("LoadBalancer", "app/checkout-*");
        });
    }

    @Test
    void bind_shouldReadTheGroupingWindow_groupFiveMinutesByDefault_andTakeZeroAsOff() {
        FirebellConfig config = binder.bind(Map.of("services", Map.of(
                "checkout", Map.of("groupingWindow", "10m"),
                "payments", Map.of("groupingWindow", "0s"),
                "search", Map.of("autoResolve", true))));

        assertThat(config.service("checkout").groupingWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.service("payments").groups()).isFalse();
        assertThat(config.service("search").groupingWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.service("not-configured").groupingWindow()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void bind_shouldRefuseAGroupingWindowLongerThanADay_orNotADuration() {
        assertThatThrownBy(() -> binder.bind(Map.of("services", Map.of(
                "checkout", Map.of("groupingWindow", "25h"),
                "payments", Map.of("groupingWindow", "a while")))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::path)
                        .containsExactlyInAnyOrder("services.checkout.groupingWindow", "services.payments.groupingWindow"))
                .hasMessageContaining("must be between 0s (no grouping) and 24h")
                .hasMessageContaining("'a while' is not a duration");
    }

    @Test
    void bind_shouldAnnounceInTheServicesOwnChannel_elseTheDefault_andNowhereForNone() {
        FirebellConfig config = binder.bind(Map.of(
                "chat", Map.of("slackChannel", "C0INCIDENTS"),
                "services", Map.of(
                        "checkout", Map.of("slackChannel", "C0CHECKOUT"),
                        "payments", Map.of("slackChannel", "none"),
                        "search", Map.of("autoResolve", true))));

        assertThat(config.slackChannel("checkout")).contains("C0CHECKOUT");
        assertThat(config.slackChannel("payments")).as("none: not announced").isEmpty();
        assertThat(config.slackChannel("search")).as("the default").contains("C0INCIDENTS");
        assertThat(config.slackChannel("not-configured")).contains("C0INCIDENTS");
        assertThat(binder.bind(Map.of("services", Map.of("search", Map.of()))).slackChannel("search"))
                .as("no default, no channel of its own: announcements off").isEmpty();
    }

    @Test
    void bind_shouldRefuseAChannelNameOrAnythingButAnId_withWhereToFindTheId() {
        assertThatThrownBy(() -> binder.bind(Map.of(
                "chat", Map.of("slackChannel", "none", "channel", "C0X"),
                "services", Map.of("checkout", Map.of("slackChannel", "#checkout-oncall"),
                        "payments", Map.of("slackChannel", List.of("C0PAYMENTS"))))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::path)
                        .containsExactlyInAnyOrder("chat.slackChannel", "chat.channel", "services.checkout.slackChannel",
                                "services.payments.slackChannel"))
                .hasMessageContaining("services.checkout.slackChannel: '#checkout-oncall' is not a Slack channel id;"
                        + " write the id, e.g. C0123ABCD (in Slack: open the channel's details, the id is at the"
                        + " bottom), or none to announce this service's incidents nowhere")
                .hasMessageContaining("chat.slackChannel: 'none' is not a Slack channel id")
                .hasMessageContaining("chat.channel: unknown key 'channel'; expected one of slackChannel")
                .hasMessageContaining("services.payments.slackChannel: expected text, found a list");
    }

    @Test
    void bind_shouldGiveDefaults_whenTheDocumentIsEmpty() {
        FirebellConfig config = binder.bind(Map.of());
        assertThat(config.services()).isEmpty();
        assertThat(config.routing().defaultService()).isEqualTo("default");
        assertThat(config.service("anything").autoResolve()).isTrue();
    }

    @Test
    void bind_shouldReportEveryProblemWithItsPath() {
        assertThatThrownBy(() -> binder.bind(Map.of(
                "servces", Map.of(),
                "services", Map.of("checkout", Map.of("reopenWindow", "soon", "autoResolve", "maybe",
                        "insufficientData", "panic", "pager", "x")),
                "routing", Map.of("default", Map.of("service", "chekout", "severity", "SEV7"),
                        "rules", List.of(Map.of("service", "checkout"),
                                Map.of("service", "checkout", "match", Map.of("alarmNamePattern", "(")))))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::path)
                        .containsExactlyInAnyOrder(
                                "servces",
                                "services.checkout.reopenWindow",
                                "services.checkout.autoResolve",
                                "services.checkout.insufficientData",
                                "services.checkout.pager",
                                "routing.default.service",
                                "routing.default.severity",
                                "routing.rules[0].match",
                                "routing.rules[1].match.alarmNamePattern"))
                .hasMessageContaining("'chekout' is not a service declared under services (declared: checkout)")
                .hasMessageContaining("'soon' is not a duration")
                .hasMessageContaining("'panic' is not one of ignore, note, alarm");
    }

    @ParameterizedTest
    @CsvSource({"90s, 90", "15m, 900", "2h, 7200", "1d, 86400", "1h30m, 5400", "PT15M, 900", "1w, 604800"})
    void parseDuration_shouldReadShortAndIsoForms(String text, long seconds) {
        assertThat(ConfigNode.parseDuration(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"15", "m15", "15x", "1h-30m", "''"})
    void parseDuration_shouldRejectEverythingElse(String text) {
        assertThat(ConfigNode.parseDuration(text)).isNull();
    }
}
