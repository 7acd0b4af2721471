package dev.firebell.local;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} merged in, the way SAM merges them.
 *
 * @param logicalId   the resource's logical id
 * @param handler     {@code Handler}, e.g. {@code dev.firebell.function.alarm.AlarmIngestHandler::handleRequest}
 * @param codeUri     {@code CodeUri} when it is a plain path, otherwise null (an S3 location or intrinsic)
 * @param runtime     {@code Runtime}, e.g. {@code java21}
 * @param environment {@code Environment.Variables} as written (intrinsics unresolved; see
 *                    {@link LocalResources#environmentOf(String)} for the resolved strings)
 * @param events      {@code Events} by name, as written
 * @param policies    {@code Policies} as a list (SAM also allows a single string or statement)
 * @param properties  every merged property, as written
 */
public record FunctionSpec(
        String logicalId,
        String handler,
        String codeUri,
        String runtime,
        Map<String, Object> environment,
        Map<String, Object> events,
        List<Object> policies,
        Map<String, Object> properties) {

    /** The handler's class name, the part before {@code ::}. */
    public String handlerClass() {
        int colons = handler == null ? -1 : handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /** The handler's method name, after {@code ::}; {@code handleRequest} when the handler names only a class. */
    public String handlerMethod() {
        int colons = handler == null ? -1 : handler.indexOf("::");
        return colons < 0 ? "handleRequest" : handler.substring(colons + 2);
    }
}
