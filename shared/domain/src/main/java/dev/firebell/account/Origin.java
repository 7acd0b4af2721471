package dev.firebell.account;

import java.util.Objects;

/**
 * Where an alarm comes from when that is not Firebell's own account and region: a member account of the organization
 * (named as the configuration names it, else by id), or Firebell's own account in another region.
 *
 * @param accountName null when the configuration names no such account
 * @param otherAccount false for Firebell's own account in another region
 */
public record Origin(String accountId, String accountName, String region, boolean otherAccount) {

    public Origin {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
    }

    /** {@code shop-prod (111122223333)}, or the id alone. */
    public String account() {
        return accountName == null ? accountId : accountName + " (" + accountId + ")";
    }

    /** {@code account shop-prod (111122223333), us-east-1}; {@code region us-east-1} in Firebell's own account. */
    public String describe() {
        return otherAccount ? "account " + account() + ", " + region : "region " + region;
    }

    /** {@code shop-prod us-east-1}: the same in few characters, for an SMS. */
    public String brief() {
        return otherAccount ? (accountName != null ? accountName : accountId) + " " + region : region;
    }
}
