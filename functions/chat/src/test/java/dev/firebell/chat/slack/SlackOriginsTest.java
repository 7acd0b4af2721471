package dev.firebell.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import dev.firebell.aws.Json;
import dev.firebell.chat.ChatRequest;
import dev.firebell.chat.ChatService;
import dev.firebell.chat.OnCallDesk;
import dev.firebell.chat.PeopleDirectory;
import dev.firebell.chat.Postmortems;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.routing.Severity;
import dev.firebell.slack.SlackMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code status} and {@code list} of incidents whose alarms come from other accounts and regions: where each is from
 * (the account's configured name, else its id, and the region); incidents of Firebell's own account and region read as
 * before.
 */
class SlackOriginsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private final IncidentStore store = mock(IncidentStore.class);
    private final ChatService chat;

    SlackOriginsTest() {
        FirebellConfig config = new ConfigBinder().bind(Map.of(
                "accounts", Map.of("111122223333", Map.of("name", "shop-prod")),
                "services", Map.of("shop", Map.of())));
        chat = new ChatService(mock(IncidentCommands.class), store, () -> config, PeopleDirectory.of(List.of()),
                mock(OnCallDesk.class), mock(Postmortems.class), () -> NOW,
                new Origins(new Home("123456789012", "eu-west-1"), config::accounts));
        Incident member = incident("7", "orders-5xx", "111122223333", "us-east-1");
        Incident unnamed = incident("8", "payments-5xx", "777788889999", "eu-west-1");
        Incident own = incident("9", "checkout-5xx", "123456789012", "eu-west-1");
        Map<String, Incident> byId = Map.of("7", member, "8", unnamed, "9", own);
        when(store.incident(anyString())).thenAnswer(call -> Optional.ofNullable(byId.get(call.<String>getArgument(0))));
        when(store.openIncidents()).thenReturn(List.of(member, unnamed, own));
        when(store.timeline(anyString())).thenReturn(List.of());
        when(store.lastPagedIncident(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void status_shouldSayWhichAccountAndRegionTheAlarmIsFrom_whenNotFirebellsOwn() {
        assertThat(answer("status 7")).contains("\"*From*\\naccount shop-prod (111122223333), us-east-1\"");
        assertThat(answer("status 8")).contains("\"*From*\\naccount 777788889999, eu-west-1\"");
        assertThat(answer("status 9")).doesNotContain("*From*", "123456789012");
    }

    @Test
    void list_shouldEndEachLineOfAnotherAccountWithWhereItIsFrom() {
        String list = answer("list");

        assertThat(list).contains("orders-5xx · triggered, 12m · shop-prod us-east-1\\n")
                .contains("payments-5xx · triggered, 12m · 777788889999 eu-west-1\\n")
                .contains("checkout-5xx · triggered, 12m\"").doesNotContain("123456789012");
    }

    private String answer(String text) {
        ChatRequest request = new ChatRequest("T0FIREBELL", "U0READER", "reader", "C0INCIDENTS", "/incident", text);
        return Json.write(SlackMessages.toJson(SlackReplies.of(chat.answer(request).result(), "/incident")));
    }

    private static Incident incident(String id, String alarm, String account, String region) {
        String arn = "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + alarm;
        return Incident.builder().id(id).title(alarm).service("shop").severity(Severity.SEV2)
                .status(IncidentStatus.TRIGGERED).dedupKey(arn).alarmArn(arn).alarmName(alarm).accountId(account)
                .region(region).triggeredAt(NOW.minus(Duration.ofMinutes(12))).openedAt(NOW.minus(Duration.ofMinutes(12)))
                .alarmCount(1).build();
    }
}
