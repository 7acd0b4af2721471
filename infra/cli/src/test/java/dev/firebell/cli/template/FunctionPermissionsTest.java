package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static dev.firebell.cli.template.TemplateReferencesTest.linesOf;
import static dev.firebell.cli.template.TemplateReferencesTest.markedLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege, checked both ways: each function's role grants every action its code and configuration need, and
 * nothing else, on the resources the function uses. What is needed is derived from the handler's bytecode (the AWS SDK
 * calls reachable from it, {@link AwsCallGraph}) and from the function's template configuration (logs, tracing,
 * failure destinations, stream reads, KMS keys of what it touches); what is granted is read from its role.
 * {@link FunctionPermissions} says exactly what is derived and what is declared.
 */
class FunctionPermissionsTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());

    static Stream<String> functions() {
        return TEMPLATE.functionIds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void role_shouldBeTheFunctionsOwn(String id) {
        FunctionPermissions permissions = permissions(TEMPLATE, id);
        assertThat(permissions.roleProblems()).as(lines(permissions.roleProblems())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void role_shouldGrantEveryActionTheCodeAndConfigurationNeed(String id) {
        FunctionPermissions permissions = permissions(TEMPLATE, id);
        assertThat(permissions.missing()).as(lines(permissions.missing())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void role_shouldGrantNothingTheFunctionDoesNotNeed(String id) {
        FunctionPermissions permissions = permissions(TEMPLATE, id);
        assertThat(permissions.unused()).as(lines(permissions.unused())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void role_shouldNameOnlyResourcesTheFunctionUses(String id) {
        FunctionPermissions permissions = permissions(TEMPLATE, id);
        assertThat(permissions.resourceProblems()).as(lines(permissions.resourceProblems())).isEmpty();
    }

    @Test
    void callGraph_shouldFindTheCallsEachFunctionMakes_andNotThoseOfOtherFunctions() {
        // The alarm function publishes pages and writes incidents; it never reads the signing secret or writes drafts,
        // although the same shared module holds those adapters.
        AwsCallGraph.Result alarm = AwsCallGraph.analyse(handler("AlarmIngestFunction"));
        assertThat(alarm.clientCalls().keySet()).extracting(Object::toString)
                .contains("SnsClient.publish", "DynamoDbClient.transactWriteItems", "DynamoDbClient.getItem")
                .doesNotContain("SsmClient.getParameter", "S3Client.putObject", "SnsClient.subscribe",
                        "DynamoDbClient.batchWriteItem");
        // The escalation sweep's transactions check the incident is still unacknowledged; the alarm function's do not.
        assertThat(AwsCallGraph.analyse(handler("EscalationFunction")).calls("TransactWriteItem$Builder", "conditionCheck"))
                .isTrue();
        assertThat(alarm.calls("TransactWriteItem$Builder", "conditionCheck")).isFalse();
        // Calls made through a Dagger Lazy are found: the chat function reads its secret and publishes its jobs.
        AwsCallGraph.Result chat = AwsCallGraph.analyse(handler("ChatFunction"));
        assertThat(chat.clientCalls().keySet()).extracting(Object::toString)
                .contains("SecretsManagerClient.getSecretValue", "SnsClient.publish")
                .doesNotContain("LambdaClient.invoke", "SsmClient.getParameter");
    }

    @Test
    void iamActions_shouldFollowHowAwsAuthorisesEachOperation() {
        AwsCallGraph.Result postmortem = AwsCallGraph.analyse(handler("PostmortemFunction"));
        Map<String, List<String>> actions = IamActions.forCode(postmortem);
        // A tagging call on a version needs the version action too; HeadObject is authorised as GetObject, with
        // ListBucket so that a missing draft is a 404.
        assertThat(actions).containsKeys("s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:GetObjectTagging",
                "s3:GetObjectVersionTagging", "s3:GetObject", "s3:ListBucket", "s3:PutObject")
                .doesNotContainKeys("s3:HeadObject", "s3:GetObjectVersion");
        // DynamoDB transactions are authorised item by item.
        Map<String, List<String>> escalation = IamActions.forCode(AwsCallGraph.analyse(handler("EscalationFunction")));
        assertThat(escalation).containsKeys("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem")
                .doesNotContainKey("dynamodb:TransactWriteItems");
        assertThat(escalation.get("dynamodb:ConditionCheckItem")).anySatisfy(why -> assertThat(why)
                .contains("DynamoDbClient.transactWriteItems").contains("conditionCheck items"));
        assertThat(IamActions.forCode(AwsCallGraph.analyse(handler("ChatFunction"))))
                .containsKeys("secretsmanager:GetSecretValue", "sns:Publish")
                .doesNotContainKeys("lambda:InvokeFunction", "ssm:GetParameter");
    }

    @Test
    void checks_shouldReportExactlyTheMarkedMistakes_withTheirLines() {
        // GIVEN a template whose mistakes are marked "# wrong:"; its function runs the real alarm handler
        Path file = ProjectFiles.testTemplate("permission-mistakes.yaml");
        SamTemplate template = SamTemplate.load(file);

        // WHEN
        List<String> findings = new ArrayList<>();
        for (String id : template.functionIds()) {
            FunctionPermissions permissions = permissions(template, id);
            findings.addAll(permissions.roleProblems());
            findings.addAll(permissions.missing());
            findings.addAll(permissions.unused());
            findings.addAll(permissions.resourceProblems());
        }

        // THEN
        assertThat(linesOf(findings)).as(lines(findings)).containsExactlyInAnyOrderElementsOf(markedLines(file));
        assertThat(findings).as(lines(findings))
                .anySatisfy(f -> assertThat(f).contains("AlarmFunction needs sns:Publish (SnsClient.publish, called by"
                        + " SnsPager.publish)"))
                .anySatisfy(f -> assertThat(f).contains("AlarmFunction needs sqs:SendMessage (EventInvokeConfig"
                        + " on-failure destination Failures)"))
                .anySatisfy(f -> assertThat(f).contains("AlarmFunction needs kms:Decrypt (Table is encrypted with Key"))
                .anySatisfy(f -> assertThat(f).contains("dynamodb:DeleteItem is granted, but AlarmFunction never needs it"))
                .anySatisfy(f -> assertThat(f).contains("Resource '*' for [dynamodb:GetItem"))
                .anySatisfy(f -> assertThat(f).contains("names [OtherTable], which AlarmFunction does not use"))
                .anySatisfy(f -> assertThat(f).contains("Indexes: names a table index, but AlarmFunction's code never"))
                .anySatisfy(f -> assertThat(f).contains("SharedFunction shares its role AlarmRole with AlarmFunction"))
                .anySatisfy(f -> assertThat(f).contains("NoRoleFunction has no Role"));
    }

    private static FunctionPermissions permissions(SamTemplate template, String id) {
        return new FunctionPermissions(template, id, AwsCallGraph.analyse(handler(template, id)));
    }

    private static Class<?> handler(String id) {
        return handler(TEMPLATE, id);
    }

    private static Class<?> handler(SamTemplate template, String id) {
        String name = template.function(id).handlerClass();
        try {
            return Class.forName(name, false, FunctionPermissionsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(id + ": handler " + name + " is not on the classpath", e);
        }
    }
}
