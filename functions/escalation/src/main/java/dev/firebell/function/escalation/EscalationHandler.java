package dev.firebell.function.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.DispatchReport;
import dev.firebell.paging.PageDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs every minute (EventBridge Scheduler). Sends every page whose lease or delay has run out: pages
 * a crash or an SNS failure left pending are sent here, so none is lost. The schedule's payload
 * carries nothing this function needs.
 */
public final class EscalationHandler implements RequestStreamHandler {

    static final int BATCH = 100;

    private final PageDispatcher pages;

    public EscalationHandler() {
        this(FunctionEnvironment.system());
    }

    public EscalationHandler(FunctionEnvironment environment) {
        this(DaggerEscalationComponent.builder().environment(environment).build().pageDispatcher());
    }

    EscalationHandler(PageDispatcher pages) {
        this.pages = pages;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        DispatchReport total = DispatchReport.NONE;
        DispatchReport batch;
        do {
            batch = pages.redriveDue(BATCH);
            total = total.plus(batch);
        } while (batch.sent() + batch.failed() + batch.cancelled() == BATCH
                && context.getRemainingTimeInMillis() > 10_000);
        if (total.sent() + total.failed() + total.cancelled() > 0) {
            context.getLogger().log("re-drove pending pages: sent " + total.sent() + ", failed " + total.failed()
                    + ", cancelled " + total.cancelled(), total.failed() > 0 ? LogLevel.WARN : LogLevel.INFO);
        }
        output.write(Json.write(Map.of("pagesSent", total.sent(), "pagesFailed", total.failed(),
                "pagesCancelled", total.cancelled())).getBytes(StandardCharsets.UTF_8));
    }
}
