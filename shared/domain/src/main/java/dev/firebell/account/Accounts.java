package dev.firebell.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The accounts the configuration names, by id, in file order. */
public record Accounts(Map<String, Account> byId) {

    public static final Accounts NONE = new Accounts(Map.of());

    public Accounts {
        byId = byId == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** The configured name of the account, if the configuration names it. */
    public Optional<String> name(String accountId) {
        Account account = accountId == null ? null : byId.get(accountId);
        return account == null ? Optional.empty() : Optional.of(account.name());
    }

    /** The account of that name, if one is declared. */
    public Optional<Account> named(String name) {
        return byId.values().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
