package dev.firebell.answer;

import dev.firebell.config.ConfigSource;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Channel;
import dev.firebell.incident.IncidentStore;
import dev.firebell.paging.Page;
import dev.firebell.paging.SmsText;
import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replies to SMS pages (two-way SMS): who sent it, which code, act as {@link PageAnswers} does, confirm by SMS from
 * the number the reply was sent to.
 *
 * <p>Rules, in order: a message that is not a well-formed inbound SMS, or is a keyword AWS handles itself (STOP, HELP
 * and their kin), is ignored. The sender is the person whose configured SMS contact is the origination number (E.164);
 * any other number changes nothing and gets no answer (an answer would tell a stranger the number is live, and cost an
 * SMS). A message delivered twice (the inbound topic delivers at least once) is acted on once. Each number may send
 * {@value #MAX_REPLIES} replies per {@link #WINDOW}; beyond that nothing is done or sent. Then the code: {@code 7a}
 * acts on #7 if the person was paged for it, {@code a} on the last incident they were paged for; anything else gets a
 * short help answer.
 */
public final class SmsReplies {

    /** Replies a number may send per {@link #WINDOW}. */
    public static final int MAX_REPLIES = 6;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** How long a message id is remembered: longer than SNS and Lambda keep retrying a delivery. */
    static final Duration DELIVERY_MEMORY = Duration.ofDays(2);
    /** Answers fit in two SMS. */
    static final int ANSWER_SEGMENTS = 2;

    static final String HELP = "Firebell: reply with the incident number and a letter: 7a acknowledges #7, 7e escalates"
            + " it, 7r resolves it; a alone acknowledges your last page.";

    /** The keywords AWS End User Messaging answers itself (opt-out, opt-in, help), in the languages it registers. */
    static final Set<String> KEYWORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT",
            "OPT-OUT", "REVOKE", "ARRET", "ARRÊT", "HELP", "INFO", "AIDE", "START", "UNSTOP", "SUBSCRIBE", "YES");

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9/+=_.:-]{1,128}");

    private final ConfigSource config;
    private final IncidentStore store;
    private final PageAnswers answers;
    private final AnswerLedger ledger;
    private final ReplyRateLimit rateLimit;
    private final SmsSender sender;
    private final InstantSource clock;

    public SmsReplies(ConfigSource config, IncidentStore store, PageAnswers answers, AnswerLedger ledger,
                      ReplyRateLimit rateLimit, SmsSender sender, InstantSource clock) {
        this.config = config;
        this.store = store;
        this.answers = answers;
        this.ledger = ledger;
        this.rateLimit = rateLimit;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * One inbound SMS, as AWS End User Messaging publishes it.
     *
     * @param from      {@code originationNumber}: who sent it
     * @param to        {@code destinationNumber}: the account's number it was sent to
     * @param keyword   {@code messageKeyword}: a registered keyword it matched, if any
     * @param messageId {@code inboundMessageId}
     * @param repliesTo {@code previousPublishedMessageId}: the message it answers, if known
     */
    public record Inbound(String from, String to, String keyword, String body, String messageId, String repliesTo) {
    }

    /**
     * What was done: the answer sent (empty when none) and a line for the log, which never repeats the message's text.
     */
    public record Outcome(Optional<String> answer, String log) {
        static Outcome ignored(String why) {
            return new Outcome(Optional.empty(), "ignored: " + why);
        }
    }

    public Outcome handle(Inbound sms) {
        if (sms.from() == null || !E164.matcher(sms.from()).matches() || sms.to() == null
                || !E164.matcher(sms.to()).matches()) {
            return Outcome.ignored("origination or destination number is not E.164");
        }
        if (sms.messageId() == null || !MESSAGE_ID.matcher(sms.messageId()).matches()) {
            return Outcome.ignored("no usable inboundMessageId");
        }
        if (isKeyword(sms.keyword()) || isKeyword(firstWord(sms.body()))) {
            return Outcome.ignored("a keyword AWS answers itself");
        }
        Optional<Person> person = personWithNumber(sms.from());
        if (person.isEmpty()) {
            return Outcome.ignored("from a number that is no one's in the on-call configuration");
        }
        Instant now = clock.instant();
        String once = "sms:" + sms.messageId();
        if (!ledger.claim(once, now.plus(DELIVERY_MEMORY))) {
            return Outcome.ignored("message " + sms.messageId() + " was handled already (delivered again)");
        }
        if (!rateLimit.allow(sms.from(), now, WINDOW, MAX_REPLIES)) {
            return Outcome.ignored("more than " + MAX_REPLIES + " replies from " + person.get().id() + " within "
                    + WINDOW.toMinutes() + " minutes");
        }
        try {
            String answer = answer(person.get(), sms);
            String text = SmsText.truncate(SmsText.sanitize(answer), SmsText.capacity(ANSWER_SEGMENTS));
            sender.send(sms.to(), sms.from(), text);
            return new Outcome(Optional.of(text), "from " + person.get().id() + ": " + answer);
        } catch (RuntimeException e) {
            // Nothing was answered: let the delivery's retry try again.
            ledger.release(once);
            throw e;
        }
    }

    private String answer(Person person, Inbound sms) {
        Optional<ReplyCode> code = ReplyCode.parse(sms.body());
        if (code.isEmpty()) {
            return HELP;
        }
        String incidentId = code.get().incidentId();
        if (incidentId == null) {
            Optional<String> last = store.lastPagedIncident(person.pageTarget());
            if (last.isEmpty()) {
                return "Firebell: you have not been paged for any incident; reply with its number, e.g. 7a.";
            }
            incidentId = last.get();
        } else if (store.incident(incidentId).isPresent() && !pagedFor(incidentId, person)) {
            return "Firebell: #" + incidentId + " was not paged to you, so a reply cannot act on it; use chat.";
        }
        Actor actor = Actor.via(person.id(), Channel.SMS_REPLY, Map.of("smsMessageId", sms.messageId()));
        Answer answer = answers.answer(incidentId, code.get().action(), actor, null, null);
        return "Firebell: " + answer.message();
    }

    private boolean pagedFor(String incidentId, Person person) {
        for (Page page : store.pages(incidentId)) {
            if (page.target().equals(person.pageTarget())) {
                return true;
            }
        }
        return false;
    }

    private Optional<Person> personWithNumber(String number) {
        for (Person p : config.current().onCall().people().values()) {
            for (Contact c : p.contacts()) {
                if (c.protocol() == Contact.Protocol.SMS && Objects.equals(c.endpoint().replace(" ", ""), number)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isKeyword(String word) {
        return word != null && KEYWORDS.contains(word.strip().toUpperCase(Locale.ROOT));
    }

    private static String firstWord(String body) {
        if (body == null) {
            return null;
        }
        String[] words = body.strip().split("\\s+", 2);
        return words.length == 0 ? null : words[0];
    }
}
