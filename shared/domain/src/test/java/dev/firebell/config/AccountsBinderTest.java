package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.account.Account;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.Alarms;
import dev.firebell.routing.RouteRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code accounts} section and the account and region criteria of routing rules. */
class AccountsBinderTest {

    private static final String AT = "2027-01-04T10:00:00Z";

    private final ConfigBinder binder = new ConfigBinder();

    @Test
    void bind_shouldNameAccounts_andTurnARulesAccountNamesAndIdsIntoTheAccountsItTakes() {
        // GIVEN two named accounts, and rules matching by name, by id, and by both with regions
        FirebellConfig config = binder.bind(Map.of(
                "accounts", accounts("111122223333", "shop-prod", "444455556666", "shop-staging"),
                "services", Map.of("shop", Map.of(), "platform", Map.of()),
                "routing", Map.of("default", Map.of("service", "platform"), "rules", List.of(
                        rule("shop prod", Map.of("accountName", "shop-prod")),
                        rule("shop anywhere", Map.of("accountName", List.of("shop-staging"),
                                "account", List.of("777788889999"), "region", List.of("us-east-1", "eu-central-1")))))));

        // THEN the names are there by id, and each rule takes the accounts it names, by id
        assertThat(config.accounts().byId().values()).containsExactly(new Account("111122223333", "shop-prod"),
                new Account("444455556666", "shop-staging"));
        assertThat(config.accounts().name("444455556666")).contains("shop-staging");
        assertThat(config.accounts().name("999999999999")).isEmpty();
        List<RouteRule> rules = config.routing().rules();
        assertThat(rules.get(0).match().accountIds()).containsExactly("111122223333");
        assertThat(rules.get(0).match().regions()).isEmpty();
        assertThat(rules.get(1).match().accountIds()).containsExactlyInAnyOrder("444455556666", "777788889999");
        assertThat(rules.get(1).match().regions()).containsExactlyInAnyOrder("us-east-1", "eu-central-1");

        // AND alarms route by them
        assertThat(config.routing().route(Alarms.in("111122223333", "ap-south-1", "orders-5xx", AlarmState.ALARM, AT),
                config.serviceNames()).reason()).isEqualTo("rule 'shop prod'");
        assertThat(config.routing().route(Alarms.in("777788889999", "eu-central-1", "orders-5xx", AlarmState.ALARM, AT),
                config.serviceNames()).reason()).isEqualTo("rule 'shop anywhere'");
        assertThat(config.routing().route(Alarms.in("444455556666", "ap-south-1", "orders-5xx", AlarmState.ALARM, AT),
                config.serviceNames()).service()).isEqualTo("platform");
    }

    @Test
    void bind_shouldTakeAnUnquotedTwelveDigitId_asYamlReadsIt() {
        FirebellConfig config = binder.bind(Map.of("routing", Map.of("rules", List.of(
                rule("by id", Map.of("account", 111122223333L))))));

        assertThat(config.routing().rules().get(0).match().accountIds()).containsExactly("111122223333");
    }

    @Test
    void bind_shouldReportEveryAccountProblemWithItsPath_andApplyNothing() {
        // GIVEN an id too short, a name that is not a name, a name given twice, a reference to no declared name, an id
        // YAML read as a number without its leading zero, a region that is not one, and an empty list
        Map<String, Object> document = Map.of(
                "accounts", accounts("11112222333", "shop-prod", "444455556666", "Shop Staging",
                        "777788889999", "shop-prod"),
                "routing", Map.of("rules", List.of(
                        rule("typo", Map.of("accountName", "shop-prd")),
                        rule("octal", Map.of("account", List.of(12345678901L), "region", "eu-west1")),
                        rule("empty", Map.of("accountName", List.of())))));

        // THEN each problem is reported where it is
        assertThatThrownBy(() -> binder.bind(document)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString)
                        .containsExactlyInAnyOrder(
                                "accounts.11112222333: '11112222333' is not an AWS account id: write its 12 digits,"
                                        + " e.g. \"111122223333\"",
                                "accounts.444455556666.name: account name 'Shop Staging' must be lower-case letters,"
                                        + " digits, '.', '_' or '-'",
                                "accounts.777788889999.name: 'shop-prod' already names account 11112222333: each account"
                                        + " needs a name of its own",
                                "routing.rules[0].match.accountName: 'shop-prd' is not an account name declared under"
                                        + " accounts (declared: Shop Staging, shop-prod)",
                                "routing.rules[1].match.account[0]: 12345678901 is read as a number, not an AWS account"
                                        + " id (12 digits; a leading zero is lost): write it in quotes, e.g."
                                        + " \"012345678901\"",
                                "routing.rules[1].match.region: 'eu-west1' is not a region code such as eu-west-1 or"
                                        + " us-east-1",
                                "routing.rules[2].match.accountName: is an empty list: name at least one, or leave the"
                                        + " key out to match any"));
    }

    @Test
    void accounts_shouldBeANamedSection_storedAccountByAccount() {
        assertThat(ConfigBinder.SECTIONS).contains("accounts");
        assertThat(ConfigBinder.NAMED_SECTIONS).contains("accounts");
    }

    private static Map<String, Object> accounts(String... idsAndNames) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            out.put(idsAndNames[i], Map.of("name", idsAndNames[i + 1]));
        }
        return out;
    }

    private static Map<String, Object> rule(String name, Map<String, Object> match) {
        return Map.of("name", name, "service", name.startsWith("shop") ? "shop" : "platform", "match", match);
    }
}
