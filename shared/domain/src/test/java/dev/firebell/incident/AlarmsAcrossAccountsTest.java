package dev.firebell.incident;

import static dev.firebell.alarm.AlarmState.ALARM;
import static dev.firebell.alarm.AlarmState.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.ServiceTargetResolver;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alarms of several accounts and regions through the alarm use case, decided and written in memory: the ARN keeps
 * same-named alarms of two accounts apart, a service's storm groups across accounts, rules route by account name and
 * region, and the entries that bring an alarm from elsewhere into an incident say where it is from.
 */
class AlarmsAcrossAccountsTest {

    private static final String SHOP_PROD = "111122223333";
    private static final String SHOP_EU = "444455556666";
    private static final String PARTNER = "777788889999";

    private final FirebellConfig config = new ConfigBinder().bind(Map.of(
            "accounts", Map.of(SHOP_PROD, Map.of("name", "shop-prod"), SHOP_EU, Map.of("name", "shop-eu")),
            "services", Map.of("shop", Map.of("pageTarget", "team-shop"), "platform", Map.of("pageTarget", "team-platform")),
            "routing", Map.of("default", Map.of("service", "platform"), "rules", List.of(
                    Map.of("name", "shop accounts", "service", "shop", "severity", "SEV2",
                            "match", Map.of("accountName", List.of("shop-prod", "shop-eu"))),
                    Map.of("name", "partner in us-east-1", "service", "shop", "severity", "SEV3",
                            "match", Map.of("account", PARTNER, "region", "us-east-1"))))));
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final AlarmService service = service();

    @Test
    void sameNamedAlarmsOfThreeAccounts_shouldGroupIntoOneIncident_eachKeptApartByItsArn_andResolveWhenAllAreOk() {
        // WHEN orders-5xx fires in shop-prod (us-east-1), shop-eu (eu-central-1) and the partner's account (us-east-1)
        AlarmOutcome first = service.handle(alarm(SHOP_PROD, "us-east-1", ALARM, "10:00:00"));
        AlarmOutcome second = service.handle(alarm(SHOP_EU, "eu-central-1", ALARM, "10:01:00"));
        AlarmOutcome third = service.handle(alarm(PARTNER, "us-east-1", ALARM, "10:02:00"));
        AlarmOutcome again = service.handle(alarm(SHOP_EU, "eu-central-1", ALARM, "10:01:00"));

        // THEN the first opens the shop incident, the others join it, and a redelivery is recognised as such
        assertThat(first.kind()).isEqualTo(AlarmOutcome.Kind.OPENED);
        assertThat(List.of(second.kind(), third.kind())).containsOnly(AlarmOutcome.Kind.GROUPED);
        assertThat(again.kind()).isEqualTo(AlarmOutcome.Kind.REDELIVERY);
        Incident incident = store.incident(first.incidentId()).orElseThrow();
        assertThat(incident.service()).isEqualTo("shop");
        assertThat(incident.accountId()).isEqualTo(SHOP_PROD);
        assertThat(incident.region()).isEqualTo("us-east-1");
        assertThat(incident.group().members()).isEqualTo(3);
        assertThat(store.track(arn(SHOP_EU, "eu-central-1")).incidentId()).isEqualTo(first.incidentId());

        // AND the timeline names each alarm's account (its configured name, else its id) and region
        List<String> summaries = store.timeline(first.incidentId()).stream()
                .filter(e -> e.type() == TimelineEntryType.OPENED || e.type() == TimelineEntryType.GROUPED)
                .map(TimelineEntry::summary).toList();
        assertThat(summaries).hasSize(3);
        assertThat(summaries.get(0)).contains("(service shop, SEV2, routed by rule 'shop accounts'; from account"
                + " shop-prod (111122223333), us-east-1)");
        assertThat(summaries.get(1)).endsWith("; from account shop-eu (444455556666), eu-central-1");
        assertThat(summaries.get(2)).endsWith("; from account 777788889999, us-east-1");

        // WHEN two of them return to OK, THEN the incident stays open; the last one resolves it
        assertThat(service.handle(alarm(SHOP_PROD, "us-east-1", OK, "10:10:00")).kind())
                .isEqualTo(AlarmOutcome.Kind.GROUPED_OK);
        assertThat(service.handle(alarm(PARTNER, "us-east-1", OK, "10:11:00")).kind())
                .isEqualTo(AlarmOutcome.Kind.GROUPED_OK);
        assertThat(store.incident(first.incidentId()).orElseThrow().isOpen()).isTrue();
        assertThat(service.handle(alarm(SHOP_EU, "eu-central-1", OK, "10:12:00")).kind())
                .isEqualTo(AlarmOutcome.Kind.RESOLVED);
    }

    @Test
    void alarmsOfOtherAccountsAndRegions_shouldRouteByTheirRules_andFirebellsOwnShouldReadAsBefore() {
        // The partner's account outside us-east-1 matches no rule; Firebell's own alarm says nothing of where it is.
        AlarmOutcome partnerEu = service.handle(alarm(PARTNER, "eu-central-1", ALARM, "11:00:00"));
        AlarmOutcome own = service.handle(Alarms.change("orders-5xx", ALARM, "2026-11-27T11:00:30Z"));

        assertThat(store.incident(partnerEu.incidentId()).orElseThrow().service()).isEqualTo("platform");
        assertThat(store.incident(own.incidentId()).orElseThrow().service()).isEqualTo("platform");
        assertThat(own.incidentId()).as("another alarm of platform in its window joins").isEqualTo(partnerEu.incidentId());
        assertThat(store.timeline(own.incidentId())).filteredOn(e -> e.actor().equals("alarm:orders-5xx"))
                .extracting(TimelineEntry::summary)
                .anySatisfy(s -> assertThat(s).contains("from account 777788889999, eu-central-1"))
                .anySatisfy(s -> assertThat(s).doesNotContain("from "));
    }

    private AlarmService service() {
        PageDispatcher dispatcher = mock(PageDispatcher.class);
        lenient().when(dispatcher.send(anyList())).thenReturn(DispatchReport.NONE);
        lenient().when(dispatcher.redriveIncident(anyString())).thenReturn(DispatchReport.NONE);
        return new AlarmService(() -> config, store, new AlarmTransitions(new ServiceTargetResolver(),
                Duration.ofSeconds(60)), dispatcher, InstantSource.fixed(Instant.parse("2026-11-27T12:00:00Z")),
                new Origins(new Home(Alarms.ACCOUNT, "eu-west-1"), () -> config.accounts()));
    }

    private static AlarmStateChange alarm(String account, String region, AlarmState state, String time) {
        return Alarms.in(account, region, "orders-5xx", state, "2026-11-27T" + time + "Z");
    }

    private static String arn(String account, String region) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:orders-5xx";
    }
}
