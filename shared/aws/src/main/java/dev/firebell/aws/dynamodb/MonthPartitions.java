package dev.firebell.aws.dynamodb;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Queries over GSI3's month partitions ({@code <prefix><yyyy-MM>}, sort key {@code <openedAt>#<id>}): one Query per
 * month of the period, each bounded by the period, never a scan.
 */
final class MonthPartitions {

    private MonthPartitions() {
    }

    /** The {@code yyyy-MM} month of an instant, in UTC, as in the partition keys. */
    static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** The {@code yyyy-MM} months that {@code [from, to)} touches, oldest first. */
    static List<YearMonth> months(Instant from, Instant to) {
        List<YearMonth> months = new ArrayList<>();
        if (!from.isBefore(to)) {
            return months;
        }
        YearMonth month = month(from);
        YearMonth last = month(to.minusMillis(1));
        while (!month.isAfter(last)) {
            months.add(month);
            month = month.plusMonths(1);
        }
        return months;
    }

    /**
     * Every item of the month partitions under {@code prefix} opened in {@code [from, to)}, oldest first.
     *
     * @param filter a FilterExpression over other attributes (with its values), or null
     */
    static void query(DynamoDbClient dynamo, String table, String prefix, Instant from, Instant to, String filter,
                      Map<String, AttributeValue> filterValues, Consumer<Map<String, AttributeValue>> each) {
        for (YearMonth month : months(from, to)) {
            Map<String, AttributeValue> values = new java.util.HashMap<>(filterValues);
            values.put(":pk", Item.s(prefix + month));
            // Sort keys are "<openedAt>#<id>": BETWEEN "<from>" AND "<to>" keeps [from, to).
            values.put(":from", Item.s(Keys.sortable(from)));
            values.put(":to", Item.s(Keys.sortable(to)));
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", Keys.GSI3PK, "#sk", Keys.GSI3SK))
                    .expressionAttributeValues(values);
            if (filter != null) {
                request.filterExpression(filter);
            }
            dynamo.queryPaginator(request.build()).items().forEach(each);
        }
    }
}
