package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.map;

import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.UnresolvableReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The physical names a template fixes, rendered for two stacks of it in one account and region, as the README's
 * {@code firebell} stack and the pipeline's {@code firebell-prod} are: same parameters, Stage included, and only the
 * stack name differs. Any name the two renderings share is a name the second create finds taken ("alias/... already
 * exists"). A stage is not unique per stack; the stack name is.
 */
final class TemplateNames {

    /** Properties that fix a resource's physical name, by resource type. */
    static final Map<String, String> NAME_PROPERTIES = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", "FunctionName"), Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry(TemplateOperations.ALARM, "AlarmName"), Map.entry("AWS::CloudWatch::Dashboard", "DashboardName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"), Map.entry("AWS::KMS::Alias", "AliasName"),
            Map.entry("AWS::SNS::Topic", "TopicName"), Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"), Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::IAM::Role", "RoleName"), Map.entry("AWS::Scheduler::Schedule", "Name"),
            Map.entry("AWS::Events::Rule", "Name"), Map.entry("AWS::SSM::Parameter", "Name"),
            Map.entry("AWS::SecretsManager::Secret", "Name"));

    /** The two stacks: the README's default stack name and the pipeline's prod stack, the collision. */
    static final List<String> STACKS = List.of("firebell", "firebell-prod");

    private final SamTemplate template;
    private final TemplateLines lines;
    private final Map<String, String> parameters;

    /** Both stacks take the parameters' defaults, and one value for each parameter without a default. */
    TemplateNames(SamTemplate template) {
        this.template = template;
        this.lines = new TemplateLines(template);
        this.parameters = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> {
            if (!parameter.hasDefault()) {
                parameters.put(name, "same-in-both-stacks");
            }
        });
    }

    /**
     * No physical name the template fixes is one that the other of {@link #STACKS} also fixes, for a resource of the same
     * type (account-wide names are per type: aliases, log groups, alarms...), and every {@code ScheduleV2} event sets
     * {@code OmitName: true} or a {@code Name} that differs (SAM otherwise names the schedule after the event's logical
     * id). A name built from another resource's name differs: CloudFormation generates names that contain the stack's.
     */
    List<String> collidingAcrossStacks() {
        List<LocalResources> stacks = STACKS.stream()
                .map(stack -> LocalResources.unprovisioned(template, stack, parameters)).toList();
        Map<String, String> firstStacks = new LinkedHashMap<>();
        for (SamTemplate.Resource resource : namedResources()) {
            rendering(stacks.get(0), nameOf(resource))
                    .ifPresent(name -> firstStacks.put(resource.type() + " " + name, resource.logicalId()));
        }
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource resource : namedResources()) {
            String property = NAME_PROPERTIES.get(resource.type());
            Optional<String> name = rendering(stacks.get(1), nameOf(resource));
            String other = name.map(n -> firstStacks.get(resource.type() + " " + n)).orElse(null);
            if (other != null) {
                findings.add(lines.at(resource.raw(), List.of("Resources", resource.logicalId(), "Properties", property))
                        + ": " + resource.logicalId() + "." + property + " is '" + name.get() + "' in stack "
                        + STACKS.get(1) + ", and stack " + STACKS.get(0) + "'s " + other + " has that name too (the"
                        + " stacks differ only in name, Stage alike): name it after ${AWS::StackName}, which no two"
                        + " stacks of a region share, so that no other stack's name can spell it");
            }
        }
        for (String id : template.functionIds()) {
            template.function(id).events().forEach((event, definition) -> {
                Map<String, Object> properties = map(map(definition).get("Properties"));
                if ("ScheduleV2".equals(map(definition).get("Type")) && !Boolean.TRUE.equals(properties.get("OmitName"))
                        && sameInBoth(stacks, properties.getOrDefault("Name", event))) {
                    findings.add(lines.at(template.resource(id).raw(), List.of("Resources", id, "Properties", "Events",
                            event)) + ": " + id + " Events." + event + ": SAM names the schedule '" + event + "' in every"
                            + " stack; set OmitName: true");
                }
            });
        }
        return findings;
    }

    /** Each stack's rendering of every name the template fixes, by logical id (names built from resources left out). */
    Map<String, List<String>> renderedNames() {
        List<LocalResources> stacks = STACKS.stream()
                .map(stack -> LocalResources.unprovisioned(template, stack, parameters)).toList();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (SamTemplate.Resource resource : namedResources()) {
            List<String> rendered = stacks.stream().map(stack -> rendering(stack, nameOf(resource)))
                    .flatMap(Optional::stream).toList();
            if (rendered.size() == stacks.size()) {
                names.put(resource.logicalId(), rendered);
            }
        }
        return names;
    }

    private List<SamTemplate.Resource> namedResources() {
        return template.resources().values().stream().filter(resource -> nameOf(resource) != null).toList();
    }

    private static Object nameOf(SamTemplate.Resource resource) {
        String property = NAME_PROPERTIES.get(resource.type());
        return property == null ? null : resource.properties().get(property);
    }

    private static boolean sameInBoth(List<LocalResources> stacks, Object name) {
        List<Optional<String>> rendered = stacks.stream().map(stack -> rendering(stack, name)).toList();
        return rendered.stream().allMatch(Optional::isPresent) && rendered.stream().distinct().count() == 1;
    }

    /** The name as the stack would have it; empty when it is built from a resource's generated name. */
    private static Optional<String> rendering(LocalResources stack, Object name) {
        try {
            return Optional.of(stack.resolveString(name));
        } catch (UnresolvableReferenceException builtFromAResource) {
            return Optional.empty();
        }
    }
}
