package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.intrinsicArgument;
import static dev.firebell.cli.template.TemplateData.intrinsicName;
import static dev.firebell.cli.template.TemplateData.isIntrinsic;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;

import dev.firebell.local.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template deployed as one named stack in a sample account, on paper: the names CloudFormation gives its resources
 * (the template's own, resolved, or {@code <stack>-<logical id>-<suffix>} as CloudFormation generates them, cut to the
 * type's length limit), the ARNs IAM authorizes calls on them against, what {@code Ref}, {@code Fn::GetAtt} and
 * {@code Fn::Sub} give, and which conditions hold for the stack's parameters. Tests use it to ask "would this policy
 * allow that call on that resource of this stack", without an account.
 */
final class StackArns {

    static final String PARTITION = "aws";
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "111122223333";

    /** The random part of a generated name: 13 characters, as CloudFormation appends. */
    private static final String SUFFIX = "AB12CD34EF56G";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    /** Types whose calls IAM authorizes against another resource of the stack, and the property naming it. */
    private static final Map<String, String> PARENT = Map.ofEntries(Map.entry("AWS::Lambda::Version", "FunctionName"),
            Map.entry("AWS::Lambda::Alias", "FunctionName"), Map.entry("AWS::Lambda::Permission", "FunctionName"),
            Map.entry("AWS::Lambda::EventInvokeConfig", "FunctionName"), Map.entry("AWS::Lambda::Url", "TargetFunctionArn"),
            Map.entry("AWS::SNS::Subscription", "TopicArn"), Map.entry("AWS::SNS::TopicPolicy", "Topics"),
            Map.entry("AWS::SQS::QueuePolicy", "Queues"), Map.entry("AWS::S3::BucketPolicy", "Bucket"),
            Map.entry("AWS::Logs::MetricFilter", "LogGroupName"));

    private final SamTemplate template;
    private final String stackName;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * @param parameters values for the template's parameters (a stage file's); the others take their Default
     */
    StackArns(SamTemplate template, String stackName, Map<String, ?> parameters) {
        this.template = template;
        this.stackName = stackName;
        template.parameters().values().stream().filter(SamTemplate.Parameter::hasDefault)
                .forEach(p -> this.parameters.put(p.name(), String.valueOf(p.defaultValue())));
        parameters.forEach((name, value) -> this.parameters.put(name, String.valueOf(value)));
        this.parameters.put("AWS::StackName", stackName);
        this.parameters.put("AWS::Region", REGION);
        this.parameters.put("AWS::AccountId", ACCOUNT);
        this.parameters.put("AWS::Partition", PARTITION);
        this.parameters.put("AWS::URLSuffix", "amazonaws.com");
        this.parameters.put("AWS::StackId", "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + stackName
                + "/" + uuid(stackName));
    }

    SamTemplate template() {
        return template;
    }

    String stackName() {
        return stackName;
    }

    /** Whether the resource is created for these parameters (its {@code Condition} holds, or it has none). */
    boolean exists(String logicalId) {
        return template.resource(logicalId).condition().map(this::condition).orElse(true);
    }

    boolean condition(String name) {
        Object expression = template.conditions().get(name);
        if (expression == null) {
            throw new IllegalArgumentException("no condition " + name + " in " + template.source());
        }
        return evaluate(expression);
    }

    /** The ARNs IAM authorizes the resource type's own calls against (a Version's calls: on its function). */
    List<String> ownArns(String logicalId) {
        SamTemplate.Resource resource = template.resource(logicalId);
        String parentProperty = PARENT.get(resource.type());
        if (parentProperty == null) {
            List<String> own = new ArrayList<>(List.of(arn(logicalId)));
            if (resource.type().equals("AWS::KMS::Alias")) {
                referencedIds(resource.properties().get("TargetKeyId")).forEach(key -> own.add(arn(key)));
            }
            return own;
        }
        List<String> parents = new ArrayList<>();
        for (Object item : list(resource.properties().get(parentProperty))) {
            referencedIds(item).forEach(parent -> parents.add(arn(parent)));
        }
        if (resource.type().equals("AWS::Lambda::Version") || resource.type().equals("AWS::Lambda::EventInvokeConfig")) {
            String qualifier = resource.type().equals("AWS::Lambda::Version") ? "1"
                    : resolve(resource.properties().get("Qualifier"));
            return parents.stream().map(parent -> parent + ":" + qualifier).toList();
        }
        return parents;
    }

    /** ARNs the resource names that are not resources of this stack: its code object, a deployment configuration. */
    List<String> externalArns(String logicalId) {
        SamTemplate.Resource resource = template.resource(logicalId);
        Map<String, Object> p = resource.properties();
        List<String> arns = new ArrayList<>();
        if (resource.type().equals("AWS::Lambda::Function") && p.get("Code") instanceof Map<?, ?> code
                && code.get("S3Bucket") != null) {
            arns.add("arn:" + PARTITION + ":s3:::" + resolve(code.get("S3Bucket")) + "/" + resolve(code.get("S3Key")));
        }
        if (resource.type().equals("AWS::CodeDeploy::DeploymentGroup") && p.get("DeploymentConfigName") != null) {
            arns.add(regional("codedeploy", "deploymentconfig:" + resolve(p.get("DeploymentConfigName"))));
        }
        return arns;
    }

    /** Logical ids of this template's resources that {@code value} refers to (Ref, GetAtt, Sub), in order. */
    Set<String> referencedIds(Object value) {
        Set<String> ids = new LinkedHashSet<>(FunctionPermissions.referencedNames(value));
        ids.retainAll(template.resources().keySet());
        return ids;
    }

    /** The resource's ARN: what IAM authorizes calls on it against. */
    String arn(String logicalId) {
        SamTemplate.Resource resource = template.resource(logicalId);
        Map<String, Object> p = resource.properties();
        String name = name(logicalId);
        return switch (resource.type()) {
            case "AWS::Lambda::Function" -> regional("lambda", "function:" + name);
            case "AWS::Lambda::Alias" -> arn(parent(logicalId)) + ":" + resolve(p.get("Name"));
            case "AWS::Lambda::Version" -> arn(parent(logicalId)) + ":1";
            case "AWS::Lambda::EventSourceMapping" -> regional("lambda", "event-source-mapping:" + uuid(logicalId));
            case "AWS::IAM::Role" -> "arn:" + PARTITION + ":iam::" + ACCOUNT + ":role"
                    + Optional.ofNullable(p.get("Path")).map(this::resolve).orElse("/") + name;
            case "AWS::DynamoDB::Table" -> regional("dynamodb", "table/" + name);
            case "AWS::SNS::Topic" -> regional("sns", name);
            case "AWS::SQS::Queue" -> regional("sqs", name);
            case "AWS::S3::Bucket" -> "arn:" + PARTITION + ":s3:::" + name;
            case "AWS::Logs::LogGroup" -> regional("logs", "log-group:" + name);
            case "AWS::CloudWatch::Alarm" -> regional("cloudwatch", "alarm:" + name);
            case "AWS::CloudWatch::Dashboard" -> "arn:" + PARTITION + ":cloudwatch::" + ACCOUNT + ":dashboard/" + name;
            case "AWS::Events::Rule" -> regional("events", "rule/" + name);
            case "AWS::Scheduler::Schedule" -> regional("scheduler", "schedule/"
                    + Optional.ofNullable(p.get("GroupName")).map(this::resolve).orElse("default") + "/" + name);
            case "AWS::KMS::Key" -> regional("kms", "key/" + uuid(logicalId));
            case "AWS::KMS::Alias" -> regional("kms", resolve(p.get("AliasName")));
            case "AWS::CodeDeploy::Application" -> regional("codedeploy", "application:" + name);
            case "AWS::CodeDeploy::DeploymentGroup" -> regional("codedeploy", "deploymentgroup:"
                    + resolve(p.get("ApplicationName")) + "/" + name);
            case "AWS::CodeBuild::Project" -> regional("codebuild", "project/" + name);
            case "AWS::CodePipeline::Pipeline" -> regional("codepipeline", name);
            default -> regional(resource.type().split("::")[1].toLowerCase(Locale.ROOT), logicalId);
        };
    }

    /** What {@code Ref} gives. */
    String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        SamTemplate.Resource resource = template.resource(name);
        return switch (resource.type()) {
            case "AWS::SNS::Topic", "AWS::Lambda::Alias", "AWS::Lambda::Version" -> arn(name);
            case "AWS::SQS::Queue" -> "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + name(name);
            case "AWS::KMS::Key", "AWS::Lambda::EventSourceMapping" -> uuid(name);
            default -> name(name);
        };
    }

    /** What {@code Fn::GetAtt} gives. */
    String getAtt(String logicalId, String attribute) {
        return switch (attribute) {
            case "Arn", "TopicArn", "AliasArn" -> template.resource(logicalId).type().equals("AWS::Logs::LogGroup")
                    ? arn(logicalId) + ":*" : arn(logicalId);
            case "StreamArn" -> arn(logicalId) + "/stream/2026-01-01T00:00:00.000";
            case "QueueName", "TopicName" -> name(logicalId);
            case "Version" -> "1";
            case "FunctionUrl" -> "https://" + uuid(logicalId).replace("-", "") + ".lambda-url." + REGION + ".on.aws/";
            default -> arn(logicalId) + "/" + attribute;
        };
    }

    /** The value as a string, its intrinsics resolved; null for {@code AWS::NoValue}. */
    String resolve(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value == null ? null : String.valueOf(value);
        }
        if (!isIntrinsic(value)) {
            throw new IllegalArgumentException("not a scalar or an intrinsic: " + value);
        }
        Object argument = intrinsicArgument(value);
        List<Object> arguments = list(argument);
        return switch (intrinsicName(value)) {
            case "Ref" -> "AWS::NoValue".equals(argument) ? null : ref(String.valueOf(argument));
            case "Fn::GetAtt" -> {
                String[] parts = arguments.size() == 2 ? new String[] {String.valueOf(arguments.get(0)),
                        String.valueOf(arguments.get(1))} : String.valueOf(argument).split("\\.", 2);
                yield getAtt(parts[0], parts[1]);
            }
            case "Fn::Sub" -> substitute(String.valueOf(arguments.get(0)),
                    arguments.size() > 1 ? map(arguments.get(1)) : Map.of());
            case "Fn::If" -> resolve(condition(String.valueOf(arguments.get(0))) ? arguments.get(1) : arguments.get(2));
            case "Fn::Join" -> String.join(String.valueOf(arguments.get(0)),
                    list(arguments.get(1)).stream().map(this::resolve).toList());
            default -> throw new IllegalArgumentException("cannot resolve " + intrinsicName(value) + " in " + value);
        };
    }

    /** The resource's physical name: the one the template gives it, or the one CloudFormation generates. */
    String name(String logicalId) {
        SamTemplate.Resource resource = template.resource(logicalId);
        Map<String, Object> p = resource.properties();
        String property = switch (resource.type()) {
            case "AWS::Lambda::Function" -> "FunctionName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::DynamoDB::Table" -> "TableName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::S3::Bucket" -> "BucketName";
            case "AWS::Logs::LogGroup" -> "LogGroupName";
            case "AWS::CloudWatch::Alarm" -> "AlarmName";
            case "AWS::CloudWatch::Dashboard" -> "DashboardName";
            case "AWS::CodeDeploy::Application" -> "ApplicationName";
            case "AWS::CodeDeploy::DeploymentGroup" -> "DeploymentGroupName";
            case "AWS::CodeBuild::Project", "AWS::Events::Rule", "AWS::Scheduler::Schedule",
                    "AWS::CodePipeline::Pipeline" -> "Name";
            default -> null;
        };
        if (property != null && p.get(property) != null) {
            String name = resolve(p.get(property));
            if (name != null) {
                return name;
            }
        }
        int limit = switch (resource.type()) {
            case "AWS::Lambda::Function", "AWS::IAM::Role", "AWS::Events::Rule", "AWS::Scheduler::Schedule" -> 64;
            case "AWS::S3::Bucket" -> 63;
            case "AWS::SQS::Queue" -> 80;
            case "AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentGroup" -> 100;
            default -> 255;
        };
        String prefix = stackName + "-" + logicalId;
        String generated = prefix.substring(0, Math.min(prefix.length(), limit - SUFFIX.length() - 1)) + "-" + SUFFIX;
        return resource.type().equals("AWS::S3::Bucket") ? generated.toLowerCase(Locale.ROOT) : generated;
    }

    private boolean evaluate(Object expression) {
        if (!isIntrinsic(expression)) {
            return Boolean.parseBoolean(String.valueOf(expression));
        }
        List<Object> arguments = list(intrinsicArgument(expression));
        return switch (intrinsicName(expression)) {
            case "Condition" -> condition(String.valueOf(intrinsicArgument(expression)));
            case "Fn::Equals" -> String.valueOf(resolve(arguments.get(0))).equals(String.valueOf(resolve(arguments.get(1))));
            case "Fn::Not" -> !evaluate(arguments.get(0));
            case "Fn::And" -> arguments.stream().allMatch(this::evaluate);
            case "Fn::Or" -> arguments.stream().anyMatch(this::evaluate);
            default -> throw new IllegalArgumentException("cannot evaluate the condition " + expression);
        };
    }

    private String substitute(String text, Map<String, Object> variables) {
        Matcher variable = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                value = resolve(variables.get(name));
            } else if (!parameters.containsKey(name) && name.contains(".")) {
                String[] parts = name.split("\\.", 2);
                value = getAtt(parts[0], parts[1]);
            } else {
                value = ref(name);
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private String parent(String logicalId) {
        SamTemplate.Resource resource = template.resource(logicalId);
        return referencedIds(resource.properties().get(PARENT.get(resource.type()))).iterator().next();
    }

    private static String regional(String service, String resource) {
        return "arn:" + PARTITION + ":" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
