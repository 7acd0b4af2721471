package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private final String userDir = System.getProperty("user.dir");

    @AfterEach
    void restoreSystemProperties() {
        System.setProperty("user.dir", userDir);
        System.clearProperty(SamTemplate.TEMPLATE_PROPERTY);
    }

    @Test
    void load_shouldTurnEveryShortFormTagIntoItsJsonForm() {
        // GIVEN / WHEN
        Map<String, Object> p = Fixtures.template("short-forms.yaml").resource("Tagged").properties();

        // THEN
        assertThat(p.get("Ref")).isEqualTo(Map.of("Ref", "Queue"));
        assertThat(p.get("GetAttScalar")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
        assertThat(p.get("GetAttNested")).isEqualTo(Map.of("Fn::GetAtt", List.of("Stack", "Outputs.Name")));
        assertThat(p.get("GetAttSequence")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "QueueName")));
        assertThat(p.get("SubScalar")).isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:sqs:${AWS::Region}"));
        assertThat(p.get("SubSequence")).isEqualTo(
                Map.of("Fn::Sub", List.of("${Name}-queue", Map.of("Name", Map.of("Ref", "Stage")))));
        assertThat(p.get("If")).isEqualTo(Map.of("Fn::If", List.of("IsProd", "big", Map.of("Ref", "AWS::NoValue"))));
        assertThat(p.get("Join")).isEqualTo(Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "Stage")))));
        assertThat(p.get("Select")).isEqualTo(
                Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of(",", "a,b,c")))));
        assertThat(p.get("FindInMap")).isEqualTo(
                Map.of("Fn::FindInMap", List.of("Sizes", Map.of("Ref", "Stage"), "Memory")));
        assertThat(p.get("Base64")).isEqualTo(Map.of("Fn::Base64", "hello"));
        assertThat(p.get("Cidr")).isEqualTo(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 4, 8)));
        assertThat(p.get("GetAZs")).isEqualTo(Map.of("Fn::GetAZs", ""));
        assertThat(p.get("ImportValue")).isEqualTo(Map.of("Fn::ImportValue", "other-stack-export"));
    }

    @Test
    void load_shouldReadConditionFunctionsInTheirJsonForms() {
        Map<String, Object> conditions = Fixtures.template("short-forms.yaml").conditions();

        assertThat(conditions.get("IsProd")).isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "prod")));
        // CloudFormation's JSON form of !Condition is {"Condition": name}.
        assertThat(conditions.get("IsNotProd")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
        assertThat(conditions.get("Both")).isEqualTo(
                Map.of("Fn::And", List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "IsNotProd"))));
        assertThat(conditions.get("Either")).isEqualTo(
                Map.of("Fn::Or", List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "IsNotProd"))));
    }

    @Test
    void load_shouldKeepYamlScalarTypes_andReadDatesAndKeysAsText() {
        SamTemplate template = Fixtures.template("short-forms.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) template.resource("Tagged").properties().get("Plain");

        assertThat(plain.get("Number")).isEqualTo(42);
        assertThat(plain.get("Float")).isEqualTo(1.5);
        assertThat(plain.get("Bool")).isEqualTo(true);
        assertThat(plain.get("Quoted")).isEqualTo("true");
        assertThat(plain).containsEntry("Null", null);
        assertThat(plain.get("On")).as("key 'On' stays a name, its value yes is YAML 1.1 true").isEqualTo(true);
        assertThat(template.parameters().get("Stage").defaultValue()).isEqualTo("dev");
    }

    @Test
    void lineOf_shouldGiveTheTemplateLineOfAnIntrinsic() {
        SamTemplate template = Fixtures.template("short-forms.yaml");
        Object getAtt = template.resource("Tagged").properties().get("GetAttScalar");

        assertThat(template.lineOf(getAtt)).contains(22);
        assertThat(template.where(getAtt)).isEqualTo("short-forms.yaml line 22");
        assertThat(template.where("not from the template")).isEqualTo("short-forms.yaml");
    }

    @Test
    void parse_shouldRejectAGetAttWithoutAttribute_namingTheLine() {
        String yaml = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Name: !GetAtt Queue\n";

        assertThatThrownBy(() -> SamTemplate.parse(yaml, "bad.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("bad.yaml line 5: !GetAtt 'Queue' is not of the form LogicalId.Attribute");
    }

    @Test
    void parse_shouldRejectDuplicateKeys_andRefsToNonScalars() {
        assertThatThrownBy(() -> SamTemplate.parse("Resources: {}\nResources: {}\n", "dup.yaml"))
                .hasMessage("dup.yaml line 2: duplicate key 'Resources'");
        assertThatThrownBy(() -> SamTemplate.parse("Outputs:\n  X:\n    Value: !Ref [a, b]\n", "ref.yaml"))
                .hasMessageContaining("ref.yaml line 3: !Ref takes a logical id or parameter name");
    }

    @Test
    void parse_shouldRejectInvalidYamlAndMissingTypes() {
        assertThatThrownBy(() -> SamTemplate.parse("Resources: [unclosed\n", "broken.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("broken.yaml is not valid YAML");
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  Thing:\n    Properties: {}\n", "untyped.yaml"))
                .hasMessage("untyped.yaml line 3: resource Thing has no Type");
        assertThatThrownBy(() -> SamTemplate.parse("", "empty.yaml"))
                .hasMessage("empty.yaml is empty or its top level is not a mapping");
    }

    @Test
    void function_shouldMergeGlobals_theWaySamDoes() {
        SamTemplate template = Fixtures.template("globals.yaml");

        FunctionSpec custom = template.function("Custom");
        assertThat(custom.runtime()).isEqualTo("java17");
        assertThat(custom.handler()).isEqualTo("com.example.Custom::handle");
        assertThat(custom.handlerClass()).isEqualTo("com.example.Custom");
        assertThat(custom.handlerMethod()).isEqualTo("handle");
        assertThat(custom.codeUri()).isEqualTo("build/custom.zip");
        assertThat(custom.environment()).containsExactly(
                Map.entry("LOG_LEVEL", "DEBUG"),
                Map.entry("REGION", Map.of("Ref", "AWS::Region")),
                Map.entry("TABLE", Map.of("Ref", "Table")));
        assertThat(custom.properties().get("Layers")).as("lists add up, globals first").isEqualTo(List.of(
                "arn:aws:lambda:us-east-1:123456789012:layer:global:1",
                "arn:aws:lambda:us-east-1:123456789012:layer:own:1"));
        assertThat(custom.policies()).containsExactly("AWSLambdaBasicExecutionRole");
        assertThat(custom.events()).containsOnlyKeys("Every");

        FunctionSpec plain = template.function("Plain");
        assertThat(plain.runtime()).isEqualTo("java21");
        assertThat(plain.handler()).isEqualTo("com.example.Default::handleRequest");
        assertThat(plain.environment()).containsOnlyKeys("LOG_LEVEL", "REGION");
        assertThat(plain.policies()).isEmpty();
        assertThat(plain.events()).isEmpty();
        assertThat(template.functionIds()).containsExactly("Plain", "Custom");
    }

    @Test
    void function_shouldRefuseAResourceThatIsNotAServerlessFunction() {
        assertThatThrownBy(() -> Fixtures.template("globals.yaml").function("Table"))
                .hasMessage("globals.yaml: Table is a AWS::DynamoDB::Table, not an AWS::Serverless::Function");
        assertThatThrownBy(() -> Fixtures.template("globals.yaml").function("Nope"))
                .hasMessageContaining("has no resource named 'Nope'");
    }

    @Test
    void load_shouldReadTheRealTemplate() {
        SamTemplate template = Fixtures.realTemplate();

        assertThat(template.resource("FirebellTable").type()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(template.resource("PageTopic").type()).isEqualTo("AWS::SNS::Topic");
        assertThat(template.resource("AlarmIngestFailureQueue").type()).isEqualTo("AWS::SQS::Queue");
        assertThat(template.parameters().get("Stage").defaultValue()).isEqualTo("prod");
        assertThat(template.parameters().get("LogRetentionDays").defaultValue()).isEqualTo(90);
        assertThat(template.outputs().get("IncidentsTableName").value()).isEqualTo(Map.of("Ref", "FirebellTable"));
        assertThat(template.globals()).containsKey("Function");

        FunctionSpec ingest = template.function("AlarmIngestFunction");
        assertThat(ingest.runtime()).as("from Globals").isEqualTo("java21");
        assertThat(ingest.handler()).isEqualTo("dev.firebell.function.alarm.AlarmIngestHandler::handleRequest");
        assertThat(ingest.codeUri()).isEqualTo("functions/alarm-ingest/target/alarm-ingest.zip");
        assertThat(ingest.environment()).containsEntry("TABLE_NAME", Map.of("Ref", "FirebellTable"));
        assertThat(ingest.events()).containsKeys("AlarmStateChange", "AlarmNotification");
        assertThat(ingest.properties()).as("its own role, not SAM policies").containsKey("Role");
        @SuppressWarnings("unchecked")
        Map<String, Object> deployment = (Map<String, Object>) ingest.properties().get("DeploymentPreference");
        assertThat(deployment).as("Globals' Type merged with its Alarms").containsKeys("Type", "Alarms");
        assertThat(template.functionIds()).contains("AlarmIngestFunction", "EscalationFunction");
    }

    @Test
    void locate_shouldWalkUpToTheNearestTemplate(@TempDir Path dir) throws Exception {
        Path nested = Files.createDirectories(dir.resolve("functions/alarm-ingest"));
        Path template = Files.writeString(dir.resolve("template.yaml"), "Resources: {}\n");
        System.setProperty("user.dir", nested.toString());

        assertThat(SamTemplate.locate()).isEqualTo(template);
    }

    @Test
    void locate_shouldPreferTheSystemProperty_andSayWhenItNamesNoFile(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("other.yaml"), "Resources: {}\n");
        System.setProperty("user.dir", dir.toString());
        System.setProperty(SamTemplate.TEMPLATE_PROPERTY, "other.yaml");
        assertThat(SamTemplate.locate()).isEqualTo(other);

        System.setProperty(SamTemplate.TEMPLATE_PROPERTY, "missing.yaml");
        assertThatThrownBy(SamTemplate::locate)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("-Dfirebell.template=missing.yaml names " + dir.resolve("missing.yaml"));
    }
}
