package dev.firebell.chat.slack;

import dev.firebell.chat.ChatAnswer;
import dev.firebell.chat.ChatRequest;
import dev.firebell.chat.ChatService;
import dev.firebell.chat.slack.FormBody.MalformedFormException;
import dev.firebell.chat.slack.SigningSecrets.SecretUnavailableException;
import dev.firebell.chat.slack.SlackSignature.Verdict;
import dev.firebell.chat.slack.ButtonClick.NotAButtonClickException;
import dev.firebell.chat.slack.SlashCommand.NotASlashCommandException;
import dev.firebell.slack.Mrkdwn;
import dev.firebell.slack.SlackMessages;
import dev.firebell.slack.SlackReply;
import dev.firebell.web.RequestLog;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slack's slash-command and interactivity endpoint, start to finish. In order, a request is refused unless:
 * <ol>
 *   <li>it is a POST of at most {@link #MAX_BODY} bytes;</li>
 *   <li>its signature verifies ({@link SlackSignature}) against the signing secret, which must be configured
 *       (only {@code ssl_check=1} probes are answered without: an empty 200, and nothing else happens);</li>
 *   <li>it is well-formed form data;</li>
 *   <li>it is not a Slack retry (only the Events API retries; a retry is acknowledged and not run twice);</li>
 *   <li>it is a slash command, or a click on one of Firebell's announcement buttons ({@link ButtonClick});</li>
 *   <li>its workspace ({@code team_id}, or {@code enterprise_id} on Enterprise Grid) is allowed.</li>
 * </ol>
 * A click is then acknowledged with an empty 200 and finished like a deferred command: the command its button stands
 * for, checked and run by {@link ChatService} as if typed, its result posted to the clicker alone.
 * Then {@link ChatService} runs the command and {@link SlackReplies} writes its result as Slack's message. A
 * deferred command's answer says it is under way; the same signed request is handed to {@link Deferrals} and
 * finished by {@link #complete}, which verifies it again, runs it once (the {@link JobLedger}) and posts the answer
 * to the request's response URL, which must be Slack's ({@link ResponseUrl}). Every answer Slack sees is an HTTP 200
 * with its JSON, except refusals of requests that are not Slack's (4xx, plain text, no detail).
 */
public final class SlackEndpoint {

    /**
     * Bytes of form data. Slack's are about 1 KB; a 2,000-character note (the longest field) in a non-Latin script
     * is up to 24 KB percent-encoded, so every field limit is reached before this one and says so in words.
     */
    public static final int MAX_BODY = 32 * 1024;

    /** Starts the second half of a deferred command, outside this request (Lambda: a message to the chat jobs topic). */
    public interface Deferrals {
        void defer(DeferredCommand command);
    }

    /** Posts a message to a Slack response URL (already checked by {@link ResponseUrl}). */
    public interface ResponseSender {
        void send(URI responseUrl, Map<String, Object> message);
    }

    /** Remembers which deferred commands ran, so a second delivery of one does nothing. */
    public interface JobLedger {
        /** True the first time a key is claimed, false after. */
        boolean claim(String key);
    }

    /**
     * A request to finish later: exactly what Slack signed, so it is verified again where it runs and cannot be
     * forged by anyone who can invoke the function but does not hold the signing secret.
     */
    public record DeferredCommand(String timestamp, String signature, byte[] body) {
    }

    private final SigningSecrets secrets;
    private final InstantSource clock;
    private final Set<String> allowedWorkspaces;
    private final ChatService chat;
    private final Deferrals deferrals;
    private final ResponseSender responses;
    private final JobLedger ledger;

    public SlackEndpoint(SigningSecrets secrets, InstantSource clock, Set<String> allowedWorkspaces, ChatService chat,
                         Deferrals deferrals, ResponseSender responses, JobLedger ledger) {
        this.secrets = secrets;
        this.clock = clock;
        this.allowedWorkspaces = Set.copyOf(allowedWorkspaces);
        this.chat = chat;
        this.deferrals = deferrals;
        this.responses = responses;
        this.ledger = ledger;
    }

    public WebResponse handle(WebRequest request, RequestLog log) {
        if (!"POST".equals(request.method())) {
            return WebResponse.text(405, "POST only");
        }
        byte[] body = request.body();
        if (body.length > MAX_BODY) {
            log.warn("refused: body of " + body.length + " bytes");
            return WebResponse.text(413, "request body too large");
        }
        Verdict verdict;
        try {
            verdict = verify(request.header(SlackSignature.TIMESTAMP_HEADER),
                    request.header(SlackSignature.SIGNATURE_HEADER), body);
        } catch (SecretUnavailableException e) {
            if (sslCheck(body)) {
                return WebResponse.empty();
            }
            log.error("cannot read the signing secret; refusing every request until it can", e);
            return WebResponse.text(503, "temporarily unavailable");
        }
        if (!verdict.valid()) {
            if (sslCheck(body)) {
                return WebResponse.empty();
            }
            if (verdict == Verdict.NO_SECRET) {
                log.error("the Slack signing secret is not configured (missing or empty): every request is refused;"
                        + " see docs/chat.md", null);
            } else {
                log.warn("refused: signature " + verdict);
            }
            return WebResponse.text(401, "invalid request signature");
        }
        Map<String, String> form;
        try {
            form = FormBody.parse(body);
        } catch (MalformedFormException e) {
            log.warn("refused: " + e.getMessage());
            return WebResponse.text(400, "malformed form body");
        }
        if ("1".equals(form.get("ssl_check"))) {
            return WebResponse.empty();
        }
        if (request.header("x-slack-retry-num") != null) {
            // Slash commands are not retried; the Events API is. A retry's first delivery is still running or done.
            log.info("acknowledged Slack retry " + request.header("x-slack-retry-num") + " without running it again");
            return WebResponse.empty();
        }
        SlackAsk ask;
        try {
            ask = SlackAsk.of(form);
        } catch (NotASlashCommandException | NotAButtonClickException e) {
            log.warn("refused: " + e.getMessage());
            return WebResponse.text(400, e instanceof NotAButtonClickException ? "not a Firebell button click"
                    : "not a slash command");
        }
        if (!allowed(ask)) {
            log.warn("refused workspace " + ask.teamId() + (ask.enterpriseId().isEmpty() ? ""
                    : " (enterprise " + ask.enterpriseId() + ")") + ": not in SLACK_TEAM_IDS");
            return ask instanceof ButtonClick ? WebResponse.text(403, "workspace not allowed")
                    : reply(SlackReply.ephemeral(":no_entry: This Slack workspace (" + Mrkdwn.text(ask.teamId(), 32)
                    + ") is not allowed to use this Firebell. Its team id must be in the SlackTeamIds parameter of the"
                    + " Firebell deployment."));
        }
        if (ask instanceof ButtonClick) {
            // Acknowledged at once and run as a deferred command: Slack ignores what a click's answer says, so its
            // result goes to the clicker through the response URL, and 3 seconds hold whatever DynamoDB does.
            return defer(ask, request, body, WebResponse.empty(), log);
        }
        SlashCommand command = (SlashCommand) ask;
        try {
            ChatRequest chatRequest = command.toChatRequest();
            ChatAnswer answer = chat.answer(chatRequest);
            SlackReply reply = SlackReplies.of(answer.result(), chatRequest.command());
            if (answer instanceof ChatAnswer.Later) {
                return defer(command, request, body, reply(reply), log);
            }
            return reply(reply);
        } catch (RuntimeException e) {
            log.error("command failed: " + command.describe(), e);
            return reply(internalError(log, command));
        }
    }

    private WebResponse defer(SlackAsk ask, WebRequest request, byte[] body, WebResponse accepted, RequestLog log) {
        boolean click = ask instanceof ButtonClick;
        if (ResponseUrl.parse(ask.responseUrl()).isEmpty()) {
            log.warn("refused to defer: response_url is not a Slack response URL");
            return click ? WebResponse.text(400, "no usable response_url")
                    : reply(SlackReply.ephemeral(":warning: Slack sent no usable response URL, so Firebell could not"
                    + " finish this command later. Nothing was changed."));
        }
        try {
            deferrals.defer(new DeferredCommand(request.header(SlackSignature.TIMESTAMP_HEADER),
                    request.header(SlackSignature.SIGNATURE_HEADER), body));
        } catch (RuntimeException e) {
            log.error("could not start the deferred part of " + ask.describe(), e);
            return click ? WebResponse.text(503, "temporarily unavailable")
                    : reply(SlackReply.ephemeral(":warning: Firebell could not start that command (reference "
                    + Mrkdwn.text(log.reference(), 64) + "). Nothing was changed; try again."));
        }
        log.info("deferred " + ask.describe());
        return accepted;
    }

    /**
     * The second half of a deferred command. Runs it at most once and posts the answer to its response URL. A
     * request that does not verify, or a duplicate delivery, does nothing. A post that fails throws, so the
     * invocation fails and lands in the function's failure destination.
     */
    public void complete(DeferredCommand job, RequestLog log) {
        byte[] body = job.body() == null ? new byte[0] : job.body();
        Verdict verdict = body.length > MAX_BODY ? Verdict.MISMATCH : verify(job.timestamp(), job.signature(), body);
        if (!verdict.valid()) {
            log.warn("deferred command refused: signature " + verdict);
            return;
        }
        SlackAsk command;
        try {
            command = SlackAsk.of(FormBody.parse(body));
        } catch (MalformedFormException | NotASlashCommandException | NotAButtonClickException e) {
            log.warn("deferred command refused: " + e.getMessage());
            return;
        }
        Optional<URI> url = ResponseUrl.parse(command.responseUrl());
        if (url.isEmpty() || !allowed(command)) {
            log.warn("deferred command refused: workspace not allowed or response_url not Slack's");
            return;
        }
        if (!ledger.claim(job.signature())) {
            log.info("deferred command delivered again; it ran already: " + command.describe());
            return;
        }
        SlackReply reply;
        try {
            ChatRequest chatRequest = command.toChatRequest();
            reply = SlackReplies.of(chat.complete(chatRequest), chatRequest.command());
        } catch (RuntimeException e) {
            log.error("deferred command failed: " + command.describe(), e);
            reply = internalError(log, command);
        }
        responses.send(url.get(), command instanceof ButtonClick ? toClicker(reply) : SlackMessages.toJson(reply));
        log.info("completed " + command.describe());
    }

    /** Slack's certificate probe ({@code ssl_check=1}), which does nothing and is answered even unsigned. */
    private static boolean sslCheck(byte[] body) {
        try {
            return "1".equals(FormBody.parse(body).get("ssl_check"));
        } catch (MalformedFormException e) {
            return false;
        }
    }

    private Verdict verify(String timestamp, String signature, byte[] body) {
        Verdict verdict = SlackSignature.verify(secrets.current(), timestamp, signature, body, clock.instant());
        if ((verdict == Verdict.MISMATCH || verdict == Verdict.NO_SECRET) && secrets.reloadAfterMismatch()) {
            verdict = SlackSignature.verify(secrets.current(), timestamp, signature, body, clock.instant());
        }
        return verdict;
    }

    /**
     * A click's result, for the clicker's eyes only and beside the announcement, never replacing it: the announcer
     * alone writes the announcement, in order of the incident's changes.
     */
    private static Map<String, Object> toClicker(SlackReply reply) {
        Map<String, Object> message = new LinkedHashMap<>(SlackMessages.toJson(
                new SlackReply(SlackReply.Visibility.EPHEMERAL, reply.text(), reply.blocks())));
        message.put("replace_original", false);
        return message;
    }

    private boolean allowed(SlackAsk command) {
        return allowedWorkspaces.contains(command.teamId())
                || !command.enterpriseId().isEmpty() && allowedWorkspaces.contains(command.enterpriseId());
    }

    private static SlackReply internalError(RequestLog log, SlackAsk ask) {
        return SlackReply.ephemeral(":warning: Something went wrong inside Firebell (reference "
                + Mrkdwn.text(log.reference(), 64) + "), so it cannot tell whether that worked. Check with `"
                + Mrkdwn.text(ask.toChatRequest().command(), 40) + " list` before trying again.");
    }

    private static WebResponse reply(SlackReply reply) {
        return WebResponse.json(SlackMessages.toJson(reply));
    }
}
