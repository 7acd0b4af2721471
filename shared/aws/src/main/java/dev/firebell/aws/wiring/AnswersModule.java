package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.answer.AnswerLedger;
import dev.firebell.answer.PageAnswers;
import dev.firebell.aws.dynamodb.DynamoAnswerLedger;
import dev.firebell.config.ConfigSource;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStore;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Answering pages where they land (links, SMS replies): the domain service and the ledger of once-only answers. */
@Module
public final class AnswersModule {

    private AnswersModule() {
    }

    @Provides
    @Singleton
    static AnswerLedger ledger(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoAnswerLedger(dynamo, table);
    }

    @Provides
    @Singleton
    static PageAnswers answers(IncidentStore store, ConfigSource config, IncidentCommands commands,
                               EscalationEngine escalation, AnswerLedger ledger) {
        return new PageAnswers(store, config, commands, escalation, ledger);
    }
}
