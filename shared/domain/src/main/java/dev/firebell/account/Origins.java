package dev.firebell.account;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells where an alarm comes from, for people: nothing for Firebell's own account and region (what every alarm was
 * before alarms came from a whole organization, so single-account pages read as they always did), the account (its
 * configured name, else its id) and region for any other (ADR 0112).
 */
public final class Origins {

    /** For code that knows no home (tools without a stack, tests of other things): says nothing about any alarm. */
    public static final Origins NONE = new Origins(Home.UNKNOWN, () -> Accounts.NONE);

    private final Home home;
    private final Supplier<Accounts> accounts;

    /** @param accounts the configured names, read when needed (the configuration changes while functions run) */
    public Origins(Home home, Supplier<Accounts> accounts) {
        this.home = Objects.requireNonNull(home, "home");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    public Home home() {
        return home;
    }

    /** Empty at home, for an unknown home, and for an incident no alarm opened (no account). */
    public Optional<Origin> of(String accountId, String region) {
        if (!home.known() || accountId == null) {
            return Optional.empty();
        }
        boolean otherAccount = !accountId.equals(home.accountId());
        boolean otherRegion = region != null && !region.equals(home.region());
        if (!otherAccount && !otherRegion) {
            return Optional.empty();
        }
        return Optional.of(new Origin(accountId, otherAccount ? accounts.get().name(accountId).orElse(null) : null,
                region != null ? region : home.region(), otherAccount));
    }
}
