package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.function.chat.ChatHandler;
import dev.firebell.function.chat.ChatJobs;
import dev.firebell.function.chat.ChatOverrides;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The chat endpoint on 127.0.0.1, as the Lambda Function URL serves it ({@link FunctionUrlServer}): each HTTP request
 * is handled by the real {@code ChatFunction} handler in this process, through {@link FunctionRunner}. A deferred
 * command's second half reaches the handler as the SNS event its chat jobs topic would deliver, on a background thread
 * (moto stores published messages but does not invoke Lambda); what it would post to Slack's response URL is printed
 * instead (this machine cannot, and should not, reach hooks.slack.com).
 *
 * <p>Binds the loopback interface only. {@link #close()} stops it.
 */
public final class ChatServer implements AutoCloseable {

    public static final String FUNCTION = "ChatFunction";

    private final ExecutorService async =
            Executors.newSingleThreadExecutor(FunctionUrlServer.daemon("firebell-chat-async"));
    private final FunctionRunner runner;
    private final PrintStream log;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private FunctionUrlServer server;

    private ChatServer(FunctionRunner runner, PrintStream log) {
        this.runner = runner;
        this.log = log;
    }

    /**
     * Serves {@code ChatFunction} of the runner's template on 127.0.0.1 ({@code port} 0: any free port). The handler
     * is built with {@code overrides} (e.g. who is in the directory), plus local deferral and response printing.
     */
    public static ChatServer start(FunctionRunner runner, int port, ChatOverrides overrides, PrintStream log)
            throws IOException {
        ChatServer chat = new ChatServer(runner, log);
        overrides.deferrals(chat::invokeAsync).responses((url, message) -> chat.log.println(
                "  -> what Slack would show from the response URL " + url + ":\n" + indent(Json.writePretty(message))));
        runner.handler(FUNCTION, environment -> new ChatHandler(environment, overrides));
        chat.server = FunctionUrlServer.start(runner, FUNCTION, port, log);
        return chat;
    }

    public URI url() {
        return server.url();
    }

    /** Stops accepting, finishes what is running (a few seconds at most), and releases the port. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        FunctionUrlServer.finish(async, 15);
    }

    /**
     * The chat jobs topic delivering a job, locally: the SNS event SNS would hand the function, for the topic the
     * template gives it, on another thread, later.
     */
    private void invokeAsync(dev.firebell.chat.slack.SlackEndpoint.DeferredCommand command) {
        byte[] job = ChatJobs.snsEvent(runner.environmentOf(FUNCTION).require("CHAT_JOB_TOPIC_ARN"), command);
        async.submit(() -> {
            try {
                runner.invoke(FUNCTION, job);
            } catch (IOException | RuntimeException e) {
                log.println("  the deferred half of a command failed: " + e);
            }
        });
    }

    private static String indent(String text) {
        return String.join("\n", text.lines().map(line -> "     " + line).toList());
    }
}
