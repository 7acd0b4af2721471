package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.intrinsicArgument;
import static dev.firebell.cli.template.TemplateData.intrinsicName;
import static dev.firebell.cli.template.TemplateData.isIntrinsic;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;

import dev.firebell.local.FunctionSpec;
import dev.firebell.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that every name a template refers to exists: {@code Ref}, {@code Fn::GetAtt}, the {@code ${X}} and
 * {@code ${X.Attr}} of {@code Fn::Sub}, {@code DependsOn}, condition names and mapping names. Each check returns its
 * problems as "file line N: where: what" lines, empty when all is well.
 *
 * <p>Besides the template's own parameters and resources, valid targets are CloudFormation's pseudo parameters and
 * the resources SAM generates, under exactly the logical ids and referenceable properties the SAM developer guide
 * documents ("Generated CloudFormation resources", sam-specification-generated-resources-function):
 * {@code <Function>Role} unless the function sets {@code Role}; {@code <Function>Alias<alias>} and the referenceable
 * {@code <Function>.Alias} and {@code <Function>.Version} when it sets {@code AutoPublishAlias};
 * {@code <Function><Event>} for stream, EventBridge/Schedule/CloudWatchEvent and IoTRule events;
 * {@code <Function>EventInvokeConfig} and {@code <Function>OnFailureQueue}/{@code Topic} (referenceable
 * {@code <Function>.DestinationQueue}/{@code .DestinationTopic}) when an SQS/SNS destination has no ARN;
 * {@code <Function>Url} and {@code <Function>UrlPublicPermissions} with {@code FunctionUrlConfig};
 * {@code ServerlessRestApi}, {@code ServerlessHttpApi}; {@code <Function>DeploymentGroup},
 * {@code ServerlessDeploymentApplication} and {@code CodeDeployServiceRole} with DeploymentPreference.
 */
final class TemplateReferences {

    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    /**
     * {@code Fn::GetAtt} attributes CloudFormation documents, for the types this project uses. A type not listed here
     * has its attribute names unchecked (its logical id still is).
     */
    static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", Set.of("Arn", "SnapStartResponse.ApplyOn",
                    "SnapStartResponse.OptimizationStatus")),
            Map.entry("AWS::Lambda::Function", Set.of("Arn", "SnapStartResponse.ApplyOn",
                    "SnapStartResponse.OptimizationStatus")),
            Map.entry("AWS::DynamoDB::Table", Set.of("Arn", "StreamArn")),
            Map.entry("AWS::SNS::Topic", Set.of("TopicArn", "TopicName")),
            Map.entry("AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl")),
            Map.entry("AWS::KMS::Key", Set.of("Arn", "KeyId")),
            Map.entry("AWS::Logs::LogGroup", Set.of("Arn")),
            Map.entry("AWS::IAM::Role", Set.of("Arn", "RoleId")),
            Map.entry("AWS::Events::Rule", Set.of("Arn")),
            Map.entry("AWS::Scheduler::Schedule", Set.of("Arn")),
            Map.entry("AWS::Lambda::Url", Set.of("FunctionArn", "FunctionUrl")));

    private static final Set<String> STREAM_EVENTS = Set.of("DynamoDB", "Kinesis", "MQ", "MSK", "SQS");
    private static final Set<String> RULE_EVENTS = Set.of("EventBridgeRule", "Schedule", "CloudWatchEvent", "IoTRule");

    private final SamTemplate template;
    private final Set<String> parameters;
    /** Logical id to type, the template's own resources and the ones SAM generates from them. */
    private final Map<String, String> resources = new LinkedHashMap<>();
    /** {@code <Function>.Alias} and the like: valid in Ref and in Fn::Sub, not in Fn::GetAtt. */
    private final Set<String> referenceableProperties = new TreeSet<>();
    private final TemplateLines lines;

    TemplateReferences(SamTemplate template) {
        this.template = template;
        this.lines = new TemplateLines(template);
        this.parameters = template.parameters().keySet();
        template.resources().values().forEach(resource -> resources.put(resource.logicalId(), resource.type()));
        template.functionIds().forEach(id -> addGenerated(template.function(id)));
    }

    /** Logical ids SAM generates for this template, with their types. */
    Map<String, String> generated() {
        Map<String, String> generated = new LinkedHashMap<>(resources);
        generated.keySet().removeAll(template.resources().keySet());
        return generated;
    }

    Set<String> referenceableProperties() {
        return Set.copyOf(referenceableProperties);
    }

    /** Ref, Fn::GetAtt and Fn::Sub everywhere: Resources (whole entries), Globals, Conditions and Outputs. */
    List<String> referenceProblems() {
        List<String> problems = new ArrayList<>();
        forEachSection((root, where) -> checkReferences(root, where, where.startsWith("Conditions."), problems));
        return problems;
    }

    /** Every part of the template that may hold intrinsics, with the name to show for it. */
    private void forEachSection(java.util.function.BiConsumer<Object, String> action) {
        template.resources().values().forEach(resource -> action.accept(resource.raw(), "Resources." + resource.logicalId()));
        action.accept(template.globals(), "Globals");
        template.conditions().forEach((name, condition) -> action.accept(condition, "Conditions." + name));
        template.outputs().values().forEach(output -> action.accept(output.raw(), "Outputs." + output.name()));
    }

    private String lineOf(Object container, Object... path) {
        return lines.at(container, List.of(path));
    }

    /** Resource and Output {@code Condition}, {@code Fn::If} and {@code !Condition} name conditions that exist. */
    List<String> conditionProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> defined = template.conditions().keySet();
        template.resources().values().forEach(resource -> resource.condition().ifPresent(name -> {
            if (!defined.contains(name)) {
                problems.add(lineOf(resource.raw(), "Resources", resource.logicalId(), "Condition") + ": Resources."
                        + resource.logicalId() + " has Condition " + name + ", which Conditions does not define"
                        + known(defined));
            }
        }));
        template.outputs().values().forEach(output -> {
            if (output.raw().get("Condition") instanceof String name && !defined.contains(name)) {
                problems.add(lineOf(output.raw(), "Outputs", output.name(), "Condition") + ": Outputs." + output.name()
                        + " has Condition " + name + ", which Conditions does not define" + known(defined));
            }
        });
        forEachSection((root, where) -> TemplateData.walk(root, List.of(), (value, path) -> {
            if (!isIntrinsic(value)) {
                return;
            }
            String function = intrinsicName(value);
            Object argument = intrinsicArgument(value);
            Object name = function.equals("Fn::If") ? list(argument).stream().findFirst().orElse(null)
                    : function.equals("Condition") ? argument : null;
            if (name != null && !(name instanceof String string && defined.contains(string))) {
                problems.add(template.where(value) + ": " + where + (path.isEmpty() ? "" : "." + TemplateData.render(path))
                        + ": " + render(value) + " names condition " + name + ", which Conditions does not define"
                        + known(defined));
            }
        }));
        return problems;
    }

    /** Every Output has a Value, and everything its Value and Export refer to exists. */
    List<String> outputProblems() {
        List<String> problems = new ArrayList<>();
        template.outputs().values().forEach(output -> {
            if (output.value() == null || output.value() instanceof String text && text.isBlank()) {
                problems.add(lineOf(output.raw(), "Outputs", output.name()) + ": Outputs." + output.name() + " has no Value");
            }
            checkReferences(output.raw(), "Outputs." + output.name(), false, problems);
        });
        return problems;
    }

    /** {@code DependsOn} names resources of the template (SAM's generated ones included). */
    List<String> dependsOnProblems() {
        List<String> problems = new ArrayList<>();
        template.resources().values().forEach(resource -> {
            Object dependsOn = resource.raw().get("DependsOn");
            for (Object dependency : list(dependsOn)) {
                if (!(dependency instanceof String name) || !resources.containsKey(name)) {
                    problems.add(lineOf(resource.raw(), "Resources", resource.logicalId(), "DependsOn") + ": Resources." + resource.logicalId()
                            + " DependsOn " + dependency + ", which is not a resource of the template");
                }
            }
        });
        return problems;
    }

    private void checkReferences(Object root, String where, boolean inConditions, List<String> problems) {
        TemplateData.walk(root, List.of(), (value, path) -> {
            if (!isIntrinsic(value)) {
                return;
            }
            String context = where + (path.isEmpty() ? "" : "." + TemplateData.render(path));
            Object argument = intrinsicArgument(value);
            switch (intrinsicName(value)) {
                case "Ref" -> {
                    if (argument instanceof String name) {
                        checkRef(name, value, context, inConditions, problems);
                    } else {
                        problems.add(template.where(value) + ": " + context + ": Ref takes a name, not " + argument);
                    }
                }
                case "Fn::GetAtt" -> checkGetAtt(argument, value, context, problems);
                case "Fn::Sub" -> checkSub(argument, value, context, problems);
                case "Fn::FindInMap" -> {
                    Object mapName = list(argument).stream().findFirst().orElse(null);
                    if (mapName instanceof String name && !template.mappings().containsKey(name)) {
                        problems.add(template.where(value) + ": " + context + ": " + render(value)
                                + " names mapping " + name + ", which Mappings does not define");
                    }
                }
                default -> {
                    // Fn::Join, Fn::If, Fn::Select...: what they contain is walked on its own.
                }
            }
        });
    }

    private void checkRef(String name, Object node, String context, boolean inConditions, List<String> problems) {
        if (PSEUDO_PARAMETERS.contains(name) || parameters.contains(name)) {
            return;
        }
        if (inConditions) {
            problems.add(template.where(node) + ": " + context + ": " + render(node)
                    + ": a condition can only refer to parameters and pseudo parameters");
            return;
        }
        if (!resources.containsKey(name) && !referenceableProperties.contains(name)) {
            problems.add(template.where(node) + ": " + context + ": " + render(node) + ": " + unknown(name));
        }
    }

    private void checkGetAtt(Object argument, Object node, String context, List<String> problems) {
        List<Object> parts = argument instanceof String dotted && dotted.indexOf('.') > 0
                ? List.of(dotted.substring(0, dotted.indexOf('.')), dotted.substring(dotted.indexOf('.') + 1))
                : list(argument);
        if (parts.size() != 2 || !(parts.get(0) instanceof String logicalId)) {
            problems.add(template.where(node) + ": " + context + ": Fn::GetAtt takes [LogicalId, Attribute]");
            return;
        }
        checkAttribute(logicalId, parts.get(1), node, context, problems);
    }

    private void checkAttribute(String logicalId, Object attribute, Object node, String context, List<String> problems) {
        String type = resources.get(logicalId);
        if (type == null) {
            problems.add(template.where(node) + ": " + context + ": " + render(node) + ": "
                    + (referenceableProperties.contains(logicalId + "." + attribute)
                    ? logicalId + "." + attribute + " is a SAM referenceable property: use !Ref " + logicalId + "."
                    + attribute : unknown(logicalId)));
            return;
        }
        Set<String> attributes = ATTRIBUTES.get(type);
        if (attributes != null && attribute instanceof String name && !attributes.contains(name)) {
            problems.add(template.where(node) + ": " + context + ": " + render(node) + ": a " + type
                    + " has no attribute " + name + (referenceableProperties.contains(logicalId + "." + name)
                    ? " (" + logicalId + "." + name + " is a SAM referenceable property: use !Ref " + logicalId
                    + "." + name + ")" : "; it has " + String.join(", ", new TreeSet<>(attributes))));
        }
    }

    private void checkSub(Object argument, Object node, String context, List<String> problems) {
        String pattern;
        Map<String, Object> variables;
        if (argument instanceof String string) {
            pattern = string;
            variables = Map.of();
        } else if (list(argument).size() == 2 && list(argument).get(0) instanceof String string) {
            pattern = string;
            variables = map(list(argument).get(1));
        } else {
            problems.add(template.where(node) + ": " + context + ": Fn::Sub takes a string or [string, {variables}]");
            return;
        }
        int position = 0;
        while (true) {
            int start = pattern.indexOf("${", position);
            if (start < 0) {
                return;
            }
            if (pattern.startsWith("${!", start)) {
                position = start + 3;
                continue;
            }
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                problems.add(template.where(node) + ": " + context + ": '${' is never closed in '" + pattern + "'");
                return;
            }
            String variable = pattern.substring(start + 2, end).trim();
            position = end + 1;
            if (variables.containsKey(variable) || PSEUDO_PARAMETERS.contains(variable)
                    || parameters.contains(variable) || resources.containsKey(variable)
                    || referenceableProperties.contains(variable)) {
                continue;
            }
            int dot = variable.indexOf('.');
            if (dot > 0 && !variable.startsWith("AWS::")) {
                checkAttribute(variable.substring(0, dot), variable.substring(dot + 1), node,
                        context + " ${" + variable + "}", problems);
            } else {
                problems.add(template.where(node) + ": " + context + ": ${" + variable + "} in '" + pattern + "': "
                        + unknown(variable));
            }
        }
    }

    /** What SAM generates for one function, as its developer guide documents it. */
    private void addGenerated(FunctionSpec function) {
        String id = function.logicalId();
        Map<String, Object> properties = function.properties();
        if (!properties.containsKey("Role")) {
            resources.put(id + "Role", "AWS::IAM::Role");
        }
        if (properties.get("AutoPublishAlias") instanceof String alias) {
            resources.put(id + "Alias" + alias, "AWS::Lambda::Alias");
            referenceableProperties.add(id + ".Alias");
            referenceableProperties.add(id + ".Version");
        }
        if (properties.containsKey("FunctionUrlConfig")) {
            resources.put(id + "Url", "AWS::Lambda::Url");
            resources.put(id + "UrlPublicPermissions", "AWS::Lambda::Permission");
        }
        if (properties.containsKey("DeploymentPreference")) {
            resources.put(id + "DeploymentGroup", "AWS::CodeDeploy::DeploymentGroup");
            resources.put("ServerlessDeploymentApplication", "AWS::CodeDeploy::Application");
            if (at(properties, "DeploymentPreference", "Role").isEmpty()) {
                resources.put("CodeDeployServiceRole", "AWS::IAM::Role");
            }
        }
        function.events().forEach((name, event) -> {
            String type = String.valueOf(map(event).get("Type"));
            Map<String, Object> eventProperties = map(map(event).get("Properties"));
            if (STREAM_EVENTS.contains(type)) {
                resources.put(id + name, "AWS::Lambda::EventSourceMapping");
            } else if (RULE_EVENTS.contains(type)) {
                resources.put(id + name, type.equals("IoTRule") ? "AWS::IoT::TopicRule" : "AWS::Events::Rule");
            } else if (type.equals("Api") && !eventProperties.containsKey("RestApiId")) {
                resources.put("ServerlessRestApi", "AWS::ApiGateway::RestApi");
            } else if (type.equals("HttpApi") && !eventProperties.containsKey("ApiId")) {
                resources.put("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
            }
        });
        for (String outcome : List.of("OnSuccess", "OnFailure")) {
            Map<String, Object> destination = map(at(properties, "EventInvokeConfig", "DestinationConfig", outcome)
                    .orElse(null));
            Object type = destination.get("Type");
            if (!destination.containsKey("Destination") && ("SQS".equals(type) || "SNS".equals(type))) {
                resources.put(id + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig");
                boolean queue = "SQS".equals(type);
                resources.put(id + outcome + (queue ? "Queue" : "Topic"), queue ? "AWS::SQS::Queue" : "AWS::SNS::Topic");
                referenceableProperties.add(id + (queue ? ".DestinationQueue" : ".DestinationTopic"));
            }
        }
    }

    private String unknown(String name) {
        return "no parameter, pseudo parameter, resource or SAM-generated resource is named " + name;
    }

    private static String known(Set<String> defined) {
        return defined.isEmpty() ? " (it defines none)" : " (it defines " + String.join(", ", new TreeSet<>(defined)) + ")";
    }

    private static String render(Object intrinsic) {
        String name = intrinsicName(intrinsic).replace("Fn::", "");
        Object argument = intrinsicArgument(intrinsic);
        if (name.equals("GetAtt") && list(argument).size() == 2) {
            return "!GetAtt " + list(argument).get(0) + "." + list(argument).get(1);
        }
        return "!" + name + " " + (argument instanceof String ? argument : String.valueOf(argument));
    }
}
