package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.cli.template.SamSchemaValidator.KnownGap;
import dev.firebell.cli.template.SamSchemaValidator.Problem;
import dev.firebell.local.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the official SAM schema (infra/schema/sam.schema.json): what {@code sam validate} would say
 * about SAM's own properties, without SAM CLI. Properties SAM passes through to CloudFormation and non-SAM resources
 * are not covered by the schema; the other Template* tests check what matters in those.
 */
class TemplateSchemaTest {

    /**
     * Properties SAM accepts that the schema does not list. Each must name where SAM accepts it;
     * {@link #knownSchemaGaps_shouldStillBeGapsInTheVendoredSchema} says when an updated schema makes one unnecessary.
     */
    static final List<KnownGap> KNOWN_SCHEMA_GAPS = List.of(
            new KnownGap("SNSEventProperties", "RedrivePolicy",
                    "SAM's SNS event source declares it (samtranslator/model/eventsources/push.py, SNS.property_types)"
                            + " and passes it to the AWS::SNS::Subscription it generates; the SAM developer guide's"
                            + " SNS event page lists it. The schema's SNSEventProperties does not."),
            new KnownGap("samtranslator__internal__schema_source__aws_serverless_function__EventBridgeRuleEventProperties",
                    "State",
                    "SAM's EventBridgeRule event source declares it (samtranslator/model/eventsources/push.py,"
                            + " EventBridgeRule.property_types, 'State') and passes it to the AWS::Events::Rule it"
                            + " generates (cfn-lint's SAM transform accepts it); the schema's EventBridgeRuleEventProperties"
                            + " does not list it."));

    private final SamSchemaValidator validator = new SamSchemaValidator(ProjectFiles.samSchema(), KNOWN_SCHEMA_GAPS);

    @Test
    void template_shouldMatchTheSamSchema_inGlobalsAndEveryServerlessResource() {
        // GIVEN
        Path file = ProjectFiles.template();
        SamTemplate template = SamTemplate.load(file);

        // WHEN
        List<Problem> problems = validator.validate(template, file);

        // THEN
        assertThat(problems)
                .as("%s against %s:%n%s", file, ProjectFiles.SAM_SCHEMA, lines(problems))
                .isEmpty();
    }

    @Test
    void template_shouldUseOnlyServerlessTypesTheSchemaKnows() {
        // Guards the test above against passing because nothing was validated.
        SamTemplate template = SamTemplate.load(ProjectFiles.template());

        List<String> serverlessTypes = template.resources().values().stream()
                .map(SamTemplate.Resource::type)
                .filter(type -> type.startsWith("AWS::Serverless::"))
                .toList();

        assertThat(serverlessTypes).isNotEmpty();
        assertThat(validator.serverlessTypes()).containsAll(serverlessTypes);
    }

    @Test
    void validate_shouldReportEachMistake_withResourcePropertyPathAndLine() {
        // GIVEN a template with a misspelt property, a string where a boolean is required, an unknown event type, a
        // misspelt Globals key and a misspelt resource type
        Path file = ProjectFiles.testTemplate("schema-mistakes.yaml");

        // WHEN
        List<Problem> problems = validator.validate(SamTemplate.load(file), file);

        // THEN each is reported once, at its own line, naming the resource and the path inside it
        assertThat(problems).as(lines(problems)).extracting(Problem::line, Problem::resource, Problem::path)
                .containsExactlyInAnyOrder(
                        tuple(file, "Tracng:", "Globals", "Function.Tracng"),
                        tuple(file, "SnapStrat:", "Worker", "Properties.SnapStrat"),
                        tuple(file, "Enabled: \"true\"", "Worker", "Properties.Events.EveryMinute.Properties.Enabled"),
                        tuple(file, "Type: CloudWatchAlarm", "Worker", "Properties.Events.AlarmFired.Type"),
                        tuple(file, "Type: AWS::Serverless::Functon", "Misspelt", "Type"));
        assertThat(problems).extracting(Problem::toString).anySatisfy(message -> assertThat(message)
                .startsWith("schema-mistakes.yaml line " + ProjectFiles.lineContaining(file, "SnapStrat:")
                        + ": Worker Properties.SnapStrat: unknown property 'SnapStrat'")
                .contains("did you mean 'SnapStart'?"));
        assertThat(problems).filteredOn(problem -> problem.path().endsWith("Enabled"))
                .singleElement().extracting(Problem::message).isEqualTo("string found, boolean expected");
        assertThat(problems).filteredOn(problem -> problem.path().endsWith("AlarmFired.Type"))
                .singleElement().extracting(Problem::message).asString()
                .startsWith("unknown event type 'CloudWatchAlarm'")
                .contains("EventBridgeRule", "SNS", "ScheduleV2");
        assertThat(problems).filteredOn(problem -> problem.resource().equals("Misspelt"))
                .singleElement().extracting(Problem::message).asString()
                .contains("did you mean 'AWS::Serverless::Function'?");
    }

    @Test
    void knownSchemaGaps_shouldStillBeGapsInTheVendoredSchema() {
        assertThat(KNOWN_SCHEMA_GAPS).allSatisfy(gap -> assertThat(validator.isStillAGap(gap))
                .as("%s.%s: the vendored schema now accepts it (or the definition is gone): remove it from"
                        + " KNOWN_SCHEMA_GAPS", gap.definition(), gap.property())
                .isTrue());
    }

    private static org.assertj.core.groups.Tuple tuple(Path file, String lineText, String resource, String path) {
        return org.assertj.core.groups.Tuple.tuple(ProjectFiles.lineContaining(file, lineText), resource, path);
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator()));
    }
}
