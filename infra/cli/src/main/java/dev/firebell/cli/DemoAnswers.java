package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.Published;
import dev.firebell.local.SnsEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * How the demo's people answer their pages where the pages reached them, through the real functions on the local stack:
 * carol follows the acknowledge link of the e-mail she received (a GET shows the incident, the POST of its button acts,
 * over HTTP to the web function on 127.0.0.1); dave replies {@code 2a} to his SMS page (an inbound message published
 * to the two-way SMS topic, handed to the SMS reply function as SNS delivers it), and reads the answer SMS.
 */
final class DemoAnswers {

    static final String WEB_FUNCTION = "WebFunction";
    static final String SMS_FUNCTION = "SmsReplyFunction";
    /** The demo account's two-way origination number (a number of the North American fictional range). */
    static final String TWO_WAY_NUMBER = "+12065550100";

    private static final Pattern HEADING = Pattern.compile("<h1>(.*?)</h1>");
    /** A link's token in a rendering, shown by its first characters only (it is a credential). */
    private static final Pattern LINK_TOKEN = Pattern.compile("/l/([A-Za-z0-9_-]{8})[A-Za-z0-9_-]+");
    private static final Pattern FIRST_PARAGRAPH = Pattern.compile("</h1>\\s*<p>(.*?)</p>");

    private final LocalStack local;
    private final LocalResources resources;
    private final FunctionRunner runner;
    private final PrintStream out;
    private final String inboundQueue;
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DemoAnswers(LocalStack local, LocalResources resources, FunctionRunner runner, PrintStream out) {
        this.local = local;
        this.resources = resources;
        this.runner = runner;
        this.out = out;
        // What SNS delivers to the SMS reply function, caught where moto can deliver it.
        this.inboundQueue = local.subscribeQueue(resources.environmentOf(SMS_FUNCTION).get("SMS_INBOUND_TOPIC_ARN"),
                "demo-sms-inbound", null);
    }

    /** Creates the topic End User Messaging publishes replies to, for the template parameter SmsInboundTopicArn. */
    static String inboundTopic(LocalStack local) {
        return local.sns().createTopic(r -> r.name("firebell-demo-sms-inbound")).topicArn();
    }

    /** The person opens the Acknowledge link of the e-mail page they received for the incident, and presses its button. */
    void byEmailLink(String incidentId, String person, String now) {
        URI url = emailLink(lastPage(local, resources, incidentId, person), "Acknowledge");
        out.println();
        out.printf("%s  %s answers #%s from the e-mail page in their mailbox: its Acknowledge link%n", now, person,
                incidentId);
        out.printf("            %s%n", withTokensShortened(url.toString()));
        HttpResponse<String> shown = send(HttpRequest.newBuilder(url).GET());
        out.printf("            GET  -> %d  \"%s\" (nothing changes: mail scanners open links too)%n",
                shown.statusCode(), text(HEADING, shown.body()));
        HttpResponse<String> done = send(HttpRequest.newBuilder(url).header("content-type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()));
        out.printf("            POST -> %d  \"%s\"%n", done.statusCode(), text(FIRST_PARAGRAPH, done.body()));
    }

    /** The person replies {@code <id>a} to the SMS page they received for the incident, and reads the answer. */
    void bySmsReply(String incidentId, String person, String number, String now) {
        Published.Notification page = lastPage(local, resources, incidentId, person);
        out.println();
        out.printf("%s  %s answers #%s by replying to the SMS page on their phone%n", now, person, incidentId);
        out.printf("            the page:  %s%n", withTokensShortened(page.rendering("sms")));
        String reply = incidentId + "a";
        Map<String, Object> inbound = new LinkedHashMap<>();
        inbound.put("originationNumber", number);
        inbound.put("destinationNumber", TWO_WAY_NUMBER);
        inbound.put("messageKeyword", "");
        inbound.put("messageBody", reply);
        // End User Messaging's ids are UUIDs; this one is derived from the page, so a rerun of the demo reads the same.
        inbound.put("inboundMessageId", UUID.nameUUIDFromBytes(
                (page.messageId() + " " + reply).getBytes(StandardCharsets.UTF_8)).toString());
        inbound.put("previousPublishedMessageId", page.messageId());
        String message = Json.write(inbound);
        out.printf("            the reply: \"%s\", published by End User Messaging to the inbound topic as %s%n", reply,
                message);
        String topic = resources.environmentOf(SMS_FUNCTION).get("SMS_INBOUND_TOPIC_ARN");
        int sentBefore = local.smsSent().size();
        local.sns().publish(r -> r.topicArn(topic).message(message));
        List<Message> delivered = local.drainQueue(inboundQueue, 1);
        for (Message m : delivered) {
            try {
                out.println("            -> " + runner.invoke(SMS_FUNCTION, SnsEvent.delivered(m.body(), topic + ":demo")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Published.Sms sms : local.smsSent().subList(sentBefore, local.smsSent().size())) {
            out.printf("            the answer, by SMS from %s to %s: %s%n", TWO_WAY_NUMBER, sms.phoneNumber(),
                    sms.message());
        }
    }

    /** The link an e-mail page gives for the action ({@code Acknowledge}, {@code Escalate}, {@code Resolve}). */
    static URI emailLink(Published.Notification page, String action) {
        String email = page.rendering("email");
        Matcher link = Pattern.compile(Pattern.quote(action) + ": *(\\S+)").matcher(email);
        if (!link.find()) {
            throw new IllegalStateException("the e-mail page " + page.messageId() + " has no " + action + " link:\n"
                    + email);
        }
        return URI.create(link.group(1));
    }

    /** The last page the person's subscriptions received about the incident, with every rendering. */
    static Published.Notification lastPage(LocalStack local, LocalResources resources, String incidentId,
                                           String person) {
        return local.published(resources.topicArn("PageTopic")).stream()
                .filter(n -> ("person:" + person).equals(n.attributes().get("target"))
                        && incidentId.equals(n.attributes().get("incident_id")))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no page to " + person + " about #" + incidentId));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The text with each link's token cut to its first characters: it is a credential, the reader needs only see one. */
    static String withTokensShortened(String text) {
        return LINK_TOKEN.matcher(text).replaceAll("/l/$1...");
    }

    /** The text of the first match, character references undone for reading in a terminal. */
    private static String text(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        return m.find() ? m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&") : "(no text)";
    }
}
