package dev.firebell.account;

/**
 * Firebell's own account and region: where its stack runs, as the template tells each function. An alarm from there
 * needs no saying where it is from; an alarm from any other account or region does.
 *
 * @param accountId null when unknown (a tool without a stack): then nothing is said about any alarm's account
 */
public record Home(String accountId, String region) {

    public static final Home UNKNOWN = new Home(null, null);

    public boolean known() {
        return accountId != null && region != null;
    }
}
