package dev.firebell.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Log lines through the invocation's Lambda logger: JSON with a level, in the function's log group. */
public final class LambdaRequestLog implements RequestLog {

    private final Context context;

    public LambdaRequestLog(Context context) {
        this.context = context;
    }

    @Override
    public void info(String message) {
        context.getLogger().log(message, LogLevel.INFO);
    }

    @Override
    public void warn(String message) {
        context.getLogger().log(message, LogLevel.WARN);
    }

    @Override
    public void error(String message, Throwable failure) {
        if (failure == null) {
            context.getLogger().log(message, LogLevel.ERROR);
            return;
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        context.getLogger().log(message + "\n" + trace, LogLevel.ERROR);
    }

    @Override
    public String reference() {
        return context.getAwsRequestId();
    }
}
