package dev.firebell.bench.storm;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Counts every AWS request the functions' own SDK clients make, by phase (the alarm function, the escalation sweep),
 * service and operation, with DynamoDB request units from {@link CapacityModel} and SNS publishes with their billed
 * 64 KB chunks. Registered as a global interceptor (software/amazon/awssdk/global/handlers/execution.interceptors on
 * the bench's class path), so the handlers are measured as deployed, without a seam in their code. Only threads that
 * declared a phase are counted: the harness's own setup and checks are not.
 */
public final class RequestMeter implements ExecutionInterceptor {

    /** Totals of one phase and operation. */
    static final class Tally {
        final LongAdder requests = new LongAdder();
        /** HTTP attempts: more than requests when the SDK retried (each attempt is billed in AWS). */
        final LongAdder attempts = new LongAdder();
        final LongAdder failed = new LongAdder();
        final DoubleAdder readUnits = new DoubleAdder();
        final DoubleAdder writeUnits = new DoubleAdder();
        final DoubleAdder indexWriteUnits = new DoubleAdder();
        /** SNS bills each started 64 KB of a publish as one request. */
        final LongAdder billedPublishes = new LongAdder();
    }

    private static final ThreadLocal<String> PHASE = new ThreadLocal<>();
    /** Why writes failed: the kind of item whose condition failed (or the error code), counted. */
    private static final Map<String, LongAdder> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Tally>> TALLIES = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<String> COUNTED_AS = new ExecutionAttribute<>("firebell.bench.phase");
    private static volatile CapacityModel capacity = new CapacityModel();

    /** Requests made by this thread from now on count toward {@code phase}; null stops counting. */
    static void phase(String phase) {
        if (phase == null) {
            PHASE.remove();
        } else {
            PHASE.set(phase);
        }
    }

    /** Forgets every count and every item size: a fresh table. */
    static void reset() {
        TALLIES.clear();
        FAILURES.clear();
        capacity = new CapacityModel();
    }

    /** Failed requests by phase, cause and item kind, e.g. {@code alarm: ConditionalCheckFailed on event record}. */
    static Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        FAILURES.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Write units by kind of item since the last reset (every counted phase). */
    static Map<String, double[]> writesByItem() {
        return capacity.writesByItem();
    }

    /** Phase to operation ({@code DynamoDB:TransactWriteItems}) to totals, sorted. */
    static Map<String, Map<String, Tally>> snapshot() {
        Map<String, Map<String, Tally>> out = new TreeMap<>();
        TALLIES.forEach((phase, ops) -> out.put(phase, new TreeMap<>(ops)));
        return out;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String phase = PHASE.get();
        if (phase == null) {
            return;
        }
        attributes.putAttribute(COUNTED_AS, phase);
        Tally t = tally(phase, attributes);
        t.requests.increment();
        SdkRequest request = context.request();
        if (request instanceof PublishRequest publish) {
            int bytes = publish.message().getBytes(StandardCharsets.UTF_8).length;
            if (publish.messageAttributes() != null) {
                for (var e : publish.messageAttributes().entrySet()) {
                    bytes += e.getKey().length() + (e.getValue().stringValue() == null ? 0 : e.getValue().stringValue().length());
                }
            }
            t.billedPublishes.add(Math.max(1, (bytes + 65535) / 65536));
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String phase = attributes.getAttribute(COUNTED_AS);
        if (phase != null) {
            tally(phase, attributes).attempts.increment();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String phase = attributes.getAttribute(COUNTED_AS);
        if (phase != null) {
            add(tally(phase, attributes), units(context.request(), context.response(), true));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String phase = attributes.getAttribute(COUNTED_AS);
        if (phase != null) {
            Tally t = tally(phase, attributes);
            t.failed.increment();
            FAILURES.computeIfAbsent(phase + ": " + cause(context.request(), context.exception()),
                    k -> new LongAdder()).increment();
            // A failed condition or a cancelled transaction is billed too; nothing was written.
            add(t, units(context.request(), null, false));
        }
    }

    private static String cause(SdkRequest request, Throwable error) {
        if (error instanceof software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException cancelled
                && request instanceof TransactWriteItemsRequest transaction && cancelled.hasCancellationReasons()) {
            var reasons = cancelled.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < transaction.transactItems().size(); i++) {
                String code = reasons.get(i).code();
                if (code != null && !"None".equals(code)) {
                    var action = transaction.transactItems().get(i);
                    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key =
                            action.put() != null ? action.put().item() : action.update() != null ? action.update().key()
                                    : action.delete() != null ? action.delete().key() : action.conditionCheck().key();
                    return code + " on " + CapacityModel.itemType(key) + " (transaction)";
                }
            }
        }
        String name = error.getClass().getSimpleName();
        return name + " (" + request.getClass().getSimpleName().replace("Request", "") + ")";
    }

    private static void add(Tally t, CapacityModel.Units u) {
        t.readUnits.add(u.read());
        t.writeUnits.add(u.write());
        t.indexWriteUnits.add(u.indexWrite());
    }

    private static CapacityModel.Units units(SdkRequest request, SdkResponse response, boolean applied) {
        CapacityModel c = capacity;
        if (request instanceof GetItemRequest get) {
            return c.get(get.key(), response instanceof GetItemResponse r && r.hasItem() ? r.item() : null,
                    Boolean.TRUE.equals(get.consistentRead()));
        }
        if (request instanceof QueryRequest query) {
            return c.query(response instanceof QueryResponse r ? r.items() : java.util.List.of(),
                    Boolean.TRUE.equals(query.consistentRead()), query.indexName() != null);
        }
        if (request instanceof PutItemRequest put) {
            return c.put(put.item(), applied, 1);
        }
        if (request instanceof UpdateItemRequest update) {
            return c.update(update.key(), update.updateExpression(),
                    update.hasExpressionAttributeValues() ? update.expressionAttributeValues() : Map.of(), applied, 1);
        }
        if (request instanceof DeleteItemRequest delete) {
            return c.delete(delete.key(), applied, 1);
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return c.transaction(transaction.transactItems(), applied);
        }
        return CapacityModel.Units.NONE;
    }

    private static Tally tally(String phase, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return TALLIES.computeIfAbsent(phase, p -> new ConcurrentHashMap<>()).computeIfAbsent(operation, o -> new Tally());
    }
}
