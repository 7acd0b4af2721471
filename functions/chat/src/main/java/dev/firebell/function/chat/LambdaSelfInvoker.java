package dev.firebell.function.chat;

import dagger.Lazy;
import dev.firebell.chat.slack.SlackEndpoint;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Finishes a deferred command in a second, asynchronous invocation of this same function version (Slack's Bolt
 * "lazy listener" pattern): the HTTP answer goes back within Slack's 3 seconds while the slow part runs on. The
 * event carries the signed request, verified again when it runs. The Lambda client is built on first use, so
 * the many commands that never defer do not pay for it at cold start.
 */
final class LambdaSelfInvoker implements SlackEndpoint.Deferrals {

    private final Lazy<LambdaClient> lambda;
    private final String functionName;
    private final String version;

    /**
     * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}, set by Lambda
     * @param version      {@code AWS_LAMBDA_FUNCTION_VERSION}: the published version now running, so the second
     *                     half runs the same code as the first
     */
    LambdaSelfInvoker(Lazy<LambdaClient> lambda, String functionName, String version) {
        this.lambda = lambda;
        this.functionName = functionName;
        this.version = version;
    }

    @Override
    public void defer(SlackEndpoint.DeferredCommand command) {
        if (functionName == null) {
            throw new IllegalStateException("AWS_LAMBDA_FUNCTION_NAME is not set: not running in Lambda, and no other"
                    + " way to defer commands was configured");
        }
        String qualified = version == null || version.equals("$LATEST") ? functionName : functionName + ":" + version;
        int status = lambda.get().invoke(r -> r.functionName(qualified).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(ChatHandler.jobEvent(command)))).statusCode();
        if (status != 202) {
            throw new IllegalStateException("Lambda answered " + status + " to the asynchronous invoke of " + qualified);
        }
    }
}
