package dev.firebell.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.alarm.ConsoleLinks;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OriginsTest {

    private static final Home HOME = new Home("123456789012", "eu-west-1");

    private final AtomicReference<Accounts> configured = new AtomicReference<>(new Accounts(Map.of(
            "111122223333", new Account("111122223333", "shop-prod"))));
    private final Origins origins = new Origins(HOME, configured::get);

    @Test
    void of_shouldSayNothing_forFirebellsOwnAccountAndRegion_orWithoutAnAccount() {
        assertThat(origins.of("123456789012", "eu-west-1")).isEmpty();
        assertThat(origins.of("123456789012", null)).isEmpty();
        assertThat(origins.of(null, "us-east-1")).as("a declared incident").isEmpty();
    }

    @Test
    void of_shouldNameAMemberAccount_byItsConfiguredName_elseItsId_withItsRegion() {
        Origin named = origins.of("111122223333", "us-east-1").orElseThrow();
        assertThat(named.describe()).isEqualTo("account shop-prod (111122223333), us-east-1");
        assertThat(named.brief()).isEqualTo("shop-prod us-east-1");
        assertThat(named.account()).isEqualTo("shop-prod (111122223333)");

        Origin unnamed = origins.of("444455556666", "eu-west-1").orElseThrow();
        assertThat(unnamed.describe()).isEqualTo("account 444455556666, eu-west-1");
        assertThat(unnamed.brief()).isEqualTo("444455556666 eu-west-1");
    }

    @Test
    void of_shouldNameTheRegionOnly_forFirebellsOwnAccountElsewhere() {
        Origin elsewhere = origins.of("123456789012", "us-east-1").orElseThrow();

        assertThat(elsewhere.otherAccount()).isFalse();
        assertThat(elsewhere.accountName()).isNull();
        assertThat(elsewhere.describe()).isEqualTo("region us-east-1");
        assertThat(elsewhere.brief()).isEqualTo("us-east-1");
    }

    @Test
    void of_shouldReadTheNamesAsConfiguredNow() {
        configured.set(new Accounts(Map.of("111122223333", new Account("111122223333", "storefront"))));

        assertThat(origins.of("111122223333", "us-east-1").orElseThrow().describe())
                .isEqualTo("account storefront (111122223333), us-east-1");
    }

    @Test
    void none_shouldSayNothingOfAnyAccount_whenTheHomeIsUnknown() {
        assertThat(Origins.NONE.of("111122223333", "us-east-1")).isEmpty();
    }

    @Test
    void consoleNote_shouldTellTheReaderToSwitchRole_forAnotherAccountOnly() {
        assertThat(ConsoleLinks.note(origins.of("111122223333", "us-east-1").orElseThrow()))
                .isEqualTo("in account shop-prod (111122223333): switch role first");
        assertThat(ConsoleLinks.note(origins.of("123456789012", "us-east-1").orElseThrow())).isNull();
        assertThat(ConsoleLinks.note(null)).isNull();
    }
}
