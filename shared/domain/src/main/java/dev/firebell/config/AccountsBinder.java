package dev.firebell.config;

import dev.firebell.account.Account;
import dev.firebell.account.Accounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code accounts} section, what people call the AWS accounts alarms come from, and the account and region
 * criteria of a routing rule, which may name those accounts ({@code accountName}) instead of writing their ids.
 */
final class AccountsBinder {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    /** eu-west-1, us-gov-west-1, ap-southeast-3, cn-north-1... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    private AccountsBinder() {
    }

    /** {@code accounts: {"111122223333": {name: shop-prod}}}: each id 12 digits, each name declared once. */
    static Accounts accounts(ConfigNode section) {
        Map<String, Account> byId = new LinkedHashMap<>();
        Map<String, String> idByName = new HashMap<>();
        section.entries().forEach((id, entry) -> {
            if (!ACCOUNT_ID.matcher(id).matches()) {
                entry.problem("'" + id + "' is not an AWS account id: write its 12 digits, e.g. \"111122223333\"");
            }
            entry.allowOnly(Set.of("name"));
            ConfigNode nameNode = entry.get("name");
            String name = nameNode.requiredString();
            if (name == null) {
                return;
            }
            ConfigNames.checkName(nameNode, "account", name);
            String taken = idByName.putIfAbsent(name, id);
            if (taken != null) {
                nameNode.problem("'" + name + "' already names account " + taken + ": each account needs a name of its own");
                return;
            }
            byId.put(id, new Account(id, name));
        });
        return new Accounts(byId);
    }

    /**
     * A rule's {@code account} (ids) and {@code accountName} (names declared under {@code accounts}), each one value or a
     * list: the accounts the rule takes alarms from, all of them together.
     */
    static Set<String> accountIds(ConfigNode match, Accounts accounts) {
        Set<String> ids = new LinkedHashSet<>();
        for (ConfigNode id : oneOrMany(match.get("account"))) {
            String text = accountId(id);
            if (text != null) {
                ids.add(text);
            }
        }
        for (ConfigNode nameNode : oneOrMany(match.get("accountName"))) {
            String name = nameNode.string(null);
            if (name == null) {
                continue;
            }
            Optional<Account> account = accounts.named(name);
            if (account.isPresent()) {
                ids.add(account.get().id());
            } else {
                Set<String> names = new TreeSet<>();
                accounts.byId().values().forEach(a -> names.add(a.name()));
                nameNode.problem("'" + name + "' is not an account name declared under accounts" + ConfigNames.known(names));
            }
        }
        return ids;
    }

    /** A rule's {@code region}: one region code or a list of them. */
    static Set<String> regions(ConfigNode match) {
        Set<String> regions = new LinkedHashSet<>();
        for (ConfigNode node : oneOrMany(match.get("region"))) {
            String region = node.string(null);
            if (region == null) {
                continue;
            }
            if (REGION.matcher(region).matches()) {
                regions.add(region);
            } else {
                node.problem("'" + region + "' is not a region code such as eu-west-1 or us-east-1");
            }
        }
        return regions;
    }

    /** The id as text; YAML reads an unquoted id as a number, which loses a leading zero, so that case is explained. */
    private static String accountId(ConfigNode node) {
        String text = node.string(null);
        if (text == null || ACCOUNT_ID.matcher(text).matches()) {
            return text;
        }
        node.problem(node.raw() instanceof Number
                ? text + " is read as a number, not an AWS account id (12 digits; a leading zero is lost): write it in"
                        + " quotes, e.g. \"012345678901\""
                : "'" + text + "' is not an AWS account id: write its 12 digits, e.g. \"111122223333\"");
        return null;
    }

    private static List<ConfigNode> oneOrMany(ConfigNode node) {
        if (node.isMissing()) {
            return List.of();
        }
        if (!(node.raw() instanceof List<?>)) {
            return List.of(node);
        }
        List<ConfigNode> items = new ArrayList<>(node.items());
        if (items.isEmpty()) {
            node.problem("is an empty list: name at least one, or leave the key out to match any");
        }
        return items;
    }
}
