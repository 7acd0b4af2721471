package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoIncidentHistory;
import dev.firebell.aws.dynamodb.DynamoMetricsStore;
import dev.firebell.incident.IncidentHistory;
import dev.firebell.metrics.IncidentMetricsStore;
import dev.firebell.metrics.IncidentReports;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Incidents and their recorded metrics by the month they opened (the table's month index, never a scan): what drafts
 * look back on for related incidents and what reports are made of.
 */
@Module
public final class HistoryModule {

    private HistoryModule() {
    }

    @Provides
    @Singleton
    static IncidentHistory history(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoIncidentHistory(dynamo, table);
    }

    @Provides
    @Singleton
    static IncidentMetricsStore metricsStore(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoMetricsStore(dynamo, table);
    }

    @Provides
    @Singleton
    static IncidentReports reports(IncidentHistory history, IncidentMetricsStore metrics) {
        return new IncidentReports(history, metrics);
    }
}
