package dev.firebell.aws.sns;

import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SMSSandboxPhoneNumber;

/**
 * Whether SMS pages can reach the people's numbers. A new AWS account is in the SNS SMS sandbox of each region, where
 * SNS texts only numbers verified in that account and region: a page to any other number is accepted by SNS and never
 * arrives. Read with {@code GetSMSSandboxAccountStatus} and {@code ListSMSSandboxPhoneNumbers}; nothing is changed.
 * Leaving the sandbox is a request to AWS Support (docs/deploy.md#sms-sandbox).
 */
public final class SmsSandbox {

    /** What the account's SMS sandbox means for the people's numbers. */
    public record Report(State state, Map<String, List<String>> unverified, String problem) {

        public enum State {
            /** No person has an SMS contact: nothing was asked. */
            NO_SMS_CONTACTS,
            /** The account can text any number. */
            OUT_OF_SANDBOX,
            /** In the sandbox: only verified numbers get texts ({@link #unverified} lists the others). */
            IN_SANDBOX,
            /** SNS could not be asked (a missing permission, no network): {@link #problem} says why. */
            UNKNOWN
        }

        /** Whether some SMS page may not arrive (or nobody could tell). */
        public boolean needsAttention() {
            return state == State.UNKNOWN || state == State.IN_SANDBOX && !unverified.isEmpty();
        }

        /** What to tell the platform team, one line each; empty when every SMS contact can be texted. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            switch (state) {
                case NO_SMS_CONTACTS, OUT_OF_SANDBOX -> {
                }
                case IN_SANDBOX -> {
                    if (unverified.isEmpty()) {
                        lines.add("note: this account is in the SNS SMS sandbox of its region; every SMS number of the"
                                + " configuration is verified, but no other number will get a page until the account"
                                + " leaves the sandbox (docs/deploy.md#sms-sandbox)");
                    } else {
                        lines.add("warning: this account is in the SNS SMS sandbox of its region: SNS texts only"
                                + " verified numbers, so these SMS pages would never arrive:");
                        unverified.forEach((number, people) -> lines.add("  " + number + " (" + String.join(", ", people)
                                + ")"));
                        lines.add("  verify each number (aws sns create-sms-sandbox-phone-number, then"
                                + " verify-sms-sandbox-phone-number with the code it receives), or move the account out of"
                                + " the sandbox (docs/deploy.md#sms-sandbox)");
                    }
                }
                case UNKNOWN -> lines.add("warning: could not tell whether this account is in the SNS SMS sandbox ("
                        + problem + "); if it is, SMS pages reach only verified numbers. Check with"
                        + " 'aws sns get-sms-sandbox-account-status' (docs/deploy.md#sms-sandbox)");
                default -> throw new IllegalStateException("unknown state " + state);
            }
            return lines;
        }
    }

    private final SnsClient sns;

    public SmsSandbox(SnsClient sns) {
        this.sns = Objects.requireNonNull(sns, "sns");
    }

    /** The report for these people's SMS contacts; asks SNS only when someone has one. */
    public Report check(Collection<Person> people) {
        Map<String, List<String>> numbers = new TreeMap<>();
        for (Person person : people) {
            for (Contact contact : person.contacts()) {
                if (contact.protocol() == Contact.Protocol.SMS) {
                    numbers.computeIfAbsent(contact.endpoint(), n -> new ArrayList<>()).add(person.id());
                }
            }
        }
        if (numbers.isEmpty()) {
            return new Report(Report.State.NO_SMS_CONTACTS, Map.of(), null);
        }
        try {
            if (!Boolean.TRUE.equals(sns.getSMSSandboxAccountStatus(b -> { }).isInSandbox())) {
                return new Report(Report.State.OUT_OF_SANDBOX, Map.of(), null);
            }
            Map<String, String> verification = new HashMap<>();
            for (SMSSandboxPhoneNumber number : sns.listSMSSandboxPhoneNumbersPaginator(b -> { }).phoneNumbers()) {
                verification.put(number.phoneNumber(), number.statusAsString());
            }
            Map<String, List<String>> unverified = new TreeMap<>();
            numbers.forEach((number, owners) -> {
                if (!"Verified".equals(verification.get(number))) {
                    List<String> who = new ArrayList<>(new TreeSet<>(owners));
                    if (verification.containsKey(number)) {
                        who.add("verification " + verification.get(number).toLowerCase(Locale.ROOT));
                    }
                    unverified.put(number, List.copyOf(who));
                }
            });
            return new Report(Report.State.IN_SANDBOX, unverified, null);
        } catch (SdkException e) {
            return new Report(Report.State.UNKNOWN, Map.of(), e.getMessage());
        }
    }
}
