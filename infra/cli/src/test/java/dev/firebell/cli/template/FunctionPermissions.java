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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function's IAM role against what the function needs. What it needs is <em>derived</em>, never declared:
 * <ul>
 *   <li>from its <b>code</b>: the AWS SDK calls reachable from its handler ({@link AwsCallGraph}), each turned into the
 *       actions IAM checks for it ({@link IamActions});</li>
 *   <li>from its <b>configuration</b> in the template, for what Lambda does with the function's role on its behalf:
 *       {@code logs:CreateLogStream}/{@code PutLogEvents} on the log group {@code LoggingConfig.LogGroup} names; the
 *       two X-Ray actions with {@code Tracing: Active}; sending to its failure destinations and dead-letter queue
 *       ({@code EventInvokeConfig}, {@code DeadLetterQueue}, a stream event's {@code DestinationConfig}); reading the
 *       stream of a DynamoDB event; and {@code kms:Decrypt}/{@code kms:GenerateDataKey} on the template's key of every
 *       encrypted table, topic, queue or bucket the function uses (one its environment names and its code calls the
 *       service of, or a destination or stream above).</li>
 * </ul>
 * What is <em>declared</em> is every Allow statement of the function's own role ({@code Role: !GetAtt X.Arn}, an
 * {@code AWS::IAM::Role} of the template used by no other function) and of any {@code AWS::IAM::Policy} attached to it.
 * SAM adds nothing to a role the template brings (its event-source and destination policies go only into roles it
 * generates), so the declared statements are the whole of what the function may do.
 *
 * <p>The checks: every needed action is granted ({@link #missing}); every granted action is needed ({@link #unused});
 * every resource a statement names is one the function uses, so {@code Resource: '*'} only for actions without
 * resource-level permissions, and a wildcard resource not anchored on a template resource only under a
 * {@code Condition} ({@link #resourceProblems}); and the role is the function's alone ({@link #roleProblems}).
 */
final class FunctionPermissions {

    /** Actions that IAM does not scope to resources: {@code Resource: '*'} is the only form. */
    static final Set<String> NO_RESOURCE_LEVEL = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** Resource types whose data a function reaches through a service, and the SDK service package of that service. */
    private static final Map<String, String> DATA_SERVICES = Map.of("AWS::DynamoDB::Table", "dynamodb",
            "AWS::SNS::Topic", "sns", "AWS::SQS::Queue", "sqs", "AWS::S3::Bucket", "s3");

    /** An Allow statement of the role, where it is, and the actions it grants. */
    record Statement(String where, String name, List<String> actions, List<Object> resources, boolean conditioned) {
    }

    private final SamTemplate template;
    private final TemplateLines lines;
    private final String functionId;
    private final FunctionSpec function;
    private final AwsCallGraph.Result calls;
    private final List<String> roleProblems = new ArrayList<>();
    /** Needed action -> why (one line per reason). */
    private final Map<String, List<String>> needed = new LinkedHashMap<>();
    /** Template resources the function uses: what its environment names and its configuration implies. */
    private final Set<String> used = new LinkedHashSet<>();
    private final List<Statement> statements = new ArrayList<>();
    private String roleId;

    FunctionPermissions(SamTemplate template, String functionId, AwsCallGraph.Result calls) {
        this.template = template;
        this.lines = new TemplateLines(template);
        this.functionId = functionId;
        this.function = template.function(functionId);
        this.calls = calls;
        deriveFromCode();
        deriveFromConfiguration();
        readRole();
    }

    /** What the function needs, each action with why. */
    Map<String, List<String>> needed() {
        return needed;
    }

    List<Statement> statements() {
        return statements;
    }

    /** Needed actions no statement grants; and SMS to phone numbers, which a grant on topics does not cover. */
    List<String> missing() {
        List<String> findings = new ArrayList<>();
        needed.forEach((action, why) -> {
            boolean granted = statements.stream().anyMatch(s -> s.actions().stream()
                    .anyMatch(pattern -> TemplateSecurity.globsOverlap(pattern, action)));
            if (!granted) {
                findings.add(where() + ": " + functionId + " needs "
                        + action + " (" + String.join("; ", why) + ") but its role " + roleName() + " does not grant it");
            }
        });
        if (publishesToPhoneNumbers() && statements.stream().noneMatch(st -> st.resources().contains(PHONE_NUMBERS))) {
            findings.add(where() + ": " + functionId + " publishes SMS to phone numbers (PublishRequest.Builder."
                    + "phoneNumber), which no grant on a topic covers: its role " + roleName() + " needs sns:Publish with"
                    + " NotResource: !Sub arn:${AWS::Partition}:sns:*:*:*");
        }
        return findings;
    }

    /** Granted actions nothing needs. */
    List<String> unused() {
        List<String> findings = new ArrayList<>();
        for (Statement statement : statements) {
            for (String pattern : statement.actions()) {
                boolean needs = needed.keySet().stream().anyMatch(action -> TemplateSecurity.globsOverlap(pattern, action));
                if (!needs) {
                    findings.add(statement.where() + ": " + statement.name() + ": " + pattern + " is granted, but "
                            + functionId + " never needs it (needed: " + String.join(", ", new TreeSet<>(needed.keySet()))
                            + ")");
                }
            }
        }
        return findings;
    }

    /** Resources of statements that are not the function's, and '*' or loose wildcards where AWS allows better. */
    List<String> resourceProblems() {
        List<String> findings = new ArrayList<>();
        Set<String> allowed = allowedReferences();
        for (Statement statement : statements) {
            boolean onlyUnscopable = NO_RESOURCE_LEVEL.containsAll(statement.actions());
            for (Object resource : statement.resources()) {
                if ("*".equals(resource)) {
                    if (!onlyUnscopable) {
                        findings.add(statement.where() + ": " + statement.name() + ": Resource '*' for "
                                + statement.actions() + "; only " + NO_RESOURCE_LEVEL + " cannot name their resources");
                    }
                    continue;
                }
                Set<String> names = referencedResources(resource);
                Set<String> foreign = new TreeSet<>(names);
                foreign.removeAll(allowed);
                if (!foreign.isEmpty()) {
                    findings.add(statement.where() + ": " + statement.name() + ": names " + foreign + ", which "
                            + functionId + " does not use (it uses " + new TreeSet<>(allowed) + ")");
                }
                if (String.valueOf(textOf(resource)).contains("/index/") && !queriesAnIndex()) {
                    findings.add(statement.where() + ": " + statement.name() + ": names a table index, but "
                            + functionId + "'s code never queries one (no QueryRequest.Builder.indexName call)");
                }
                if (names.isEmpty() && String.valueOf(textOf(resource)).contains("*") && !statement.conditioned()
                        && !namesItself(resource)) {
                    findings.add(statement.where() + ": " + statement.name() + ": the wildcard resource "
                            + textOf(resource) + " names no resource of the template and has no Condition to narrow it");
                }
            }
        }
        return findings;
    }

    /** The function has its own role, trusted by Lambda alone, without managed policies. */
    List<String> roleProblems() {
        return roleProblems;
    }

    String roleName() {
        return roleId == null ? "(none)" : roleId;
    }

    // ---- what the function needs ----

    private void deriveFromCode() {
        IamActions.forCode(calls).forEach((action, why) -> needed.computeIfAbsent(action, a -> new ArrayList<>())
                .addAll(why));
        Set<String> servicesCalled = new TreeSet<>();
        calls.clientCalls().keySet().forEach(call -> servicesCalled.add(call.servicePackage()));
        for (Object value : function.environment().values()) {
            for (String name : referencedNames(value)) {
                used.add(name);
                if (!template.resources().containsKey(name)) {
                    continue; // a parameter (the signing secret's name)
                }
                SamTemplate.Resource resource = template.resource(name);
                String service = DATA_SERVICES.get(resource.type());
                if (service != null && servicesCalled.contains(service)) {
                    needKey(resource, "its code calls " + service + " on " + name);
                }
            }
        }
    }

    private void deriveFromConfiguration() {
        Map<String, Object> p = function.properties();
        Optional<Object> logGroup = at(p, "LoggingConfig", "LogGroup");
        if (logGroup.isEmpty()) {
            roleProblems.add(where() + ": " + functionId + " has no LoggingConfig.LogGroup: name its log group, so that its"
                    + " role can be limited to it (and the log group does not race Lambda's own /aws/lambda/<name>)");
        } else {
            referencedNames(logGroup.get()).forEach(used::add);
            need("logs:CreateLogStream", "Lambda writes its logs to LoggingConfig.LogGroup");
            need("logs:PutLogEvents", "Lambda writes its logs to LoggingConfig.LogGroup");
        }
        if ("Active".equals(p.get("Tracing"))) {
            need("xray:PutTraceSegments", "Tracing: Active");
            need("xray:PutTelemetryRecords", "Tracing: Active");
        }
        at(p, "EventInvokeConfig", "DestinationConfig", "OnFailure", "Destination")
                .ifPresent(destination -> destination(destination, "EventInvokeConfig on-failure destination"));
        at(p, "DeadLetterQueue", "TargetArn").ifPresent(queue -> destination(queue, "DeadLetterQueue"));
        function.events().forEach((name, event) -> {
            String type = String.valueOf(map(event).get("Type"));
            Map<String, Object> properties = map(map(event).get("Properties"));
            at(properties, "DestinationConfig", "OnFailure", "Destination")
                    .ifPresent(destination -> destination(destination, "Events." + name + " on-failure destination"));
            if (type.equals("DynamoDB")) {
                for (String table : referencedNames(properties.get("Stream"))) {
                    used.add(table);
                    for (String action : List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
                            "dynamodb:GetShardIterator", "dynamodb:ListStreams")) {
                        need(action, "Events." + name + ": Lambda reads the stream of " + table);
                    }
                    needKey(template.resource(table), "Events." + name + " reads its stream");
                }
            } else if (Set.of("SQS", "Kinesis", "MSK", "MQ", "SelfManagedKafka", "DocumentDB").contains(type)) {
                roleProblems.add(where() + ": " + functionId + " Events." + name + ": what a " + type + " event source"
                        + " needs of the role is not modelled in FunctionPermissions yet");
            }
        });
    }

    /** Lambda sends failed events to a destination with the function's role: the send, and the destination's key. */
    private void destination(Object destination, String what) {
        for (String name : referencedNames(destination)) {
            used.add(name);
            if (!template.resources().containsKey(name)) {
                continue;
            }
            SamTemplate.Resource resource = template.resource(name);
            switch (resource.type()) {
                case "AWS::SQS::Queue" -> need("sqs:SendMessage", what + " " + name);
                case "AWS::SNS::Topic" -> need("sns:Publish", what + " " + name);
                case "AWS::Serverless::Function", "AWS::Lambda::Function" -> need("lambda:InvokeFunction", what + " " + name);
                default -> roleProblems.add(where() + ": " + functionId + ": " + what + " " + name + " is a "
                        + resource.type() + ", which FunctionPermissions does not model");
            }
            needKey(resource, what + " " + name);
        }
    }

    /** The template's KMS key of an encrypted table, topic, queue or bucket: Decrypt and GenerateDataKey on it. */
    private void needKey(SamTemplate.Resource resource, String why) {
        Map<String, Object> p = resource.properties();
        List<Object> keys = new ArrayList<>();
        at(p, "SSESpecification", "KMSMasterKeyId").ifPresent(keys::add);
        Optional.ofNullable(p.get("KmsMasterKeyId")).ifPresent(keys::add);
        for (Object rule : list(at(p, "BucketEncryption", "ServerSideEncryptionConfiguration").orElse(null))) {
            at(rule, "ServerSideEncryptionByDefault", "KMSMasterKeyID").ifPresent(keys::add);
        }
        for (Object key : keys) {
            for (String name : referencedNames(key)) {
                if (template.resources().containsKey(name) && template.resource(name).type().equals("AWS::KMS::Key")) {
                    used.add(name);
                    String because = resource.logicalId() + " is encrypted with " + name + " (" + why + ")";
                    need("kms:Decrypt", because);
                    need("kms:GenerateDataKey", because);
                }
            }
        }
    }

    private void need(String action, String why) {
        List<String> reasons = needed.computeIfAbsent(action, a -> new ArrayList<>());
        if (!reasons.contains(why)) {
            reasons.add(why);
        }
    }

    /** What statements may name: what the function uses, and its own name (a function invoking itself). */
    private Set<String> allowedReferences() {
        Set<String> allowed = new LinkedHashSet<>(used);
        allowed.add(functionId);
        return allowed;
    }

    // ---- what the role grants ----

    private void readRole() {
        Object role = function.properties().get("Role");
        if (role == null) {
            roleProblems.add(where() + ": " + functionId + " has no Role: give it its own AWS::IAM::Role. SAM's generated"
                    + " role would attach AWSLambdaBasicExecutionRole (every log group of the account) and, per event"
                    + " source, managed policies with Resource '*'");
            return;
        }
        if (!(isIntrinsic(role) && intrinsicName(role).equals("Fn::GetAtt")
                && referencedNames(role).size() == 1)) {
            roleProblems.add(where() + ": " + functionId + " Role is not !GetAtt <a role of this template>.Arn");
            return;
        }
        roleId = referencedNames(role).iterator().next();
        if (!template.resources().containsKey(roleId) || !template.resource(roleId).type().equals("AWS::IAM::Role")) {
            roleProblems.add(where() + ": " + functionId + " Role names " + roleId + ", not an AWS::IAM::Role");
            return;
        }
        for (String other : template.functionIds()) {
            if (!other.equals(functionId) && referencedNames(template.function(other).properties().get("Role"))
                    .contains(roleId)) {
                roleProblems.add(where() + ": " + functionId + " shares its role " + roleId + " with " + other
                        + ": one role per function");
            }
        }
        SamTemplate.Resource resource = template.resource(roleId);
        Map<String, Object> p = resource.properties();
        if (!list(p.get("ManagedPolicyArns")).isEmpty()) {
            roleProblems.add(lines.at(resource.raw(), List.of("Resources", roleId)) + ": " + roleId
                    + " attaches ManagedPolicyArns, whose"
                    + " statements cannot be checked here: write them inline");
        }
        for (Object trust : list(at(p, "AssumeRolePolicyDocument", "Statement").orElse(null))) {
            Object principal = at(trust, "Principal", "Service").orElse(null);
            if (!List.of("lambda.amazonaws.com").equals(list(principal))) {
                roleProblems.add(template.where(trust) + ": " + roleId + " is trusted by " + principal
                        + ", not by lambda.amazonaws.com alone");
            }
        }
        for (Object policy : list(p.get("Policies"))) {
            read(map(policy).get("PolicyDocument"), roleId + " " + map(policy).get("PolicyName"));
        }
        for (SamTemplate.Resource attached : template.resources().values()) {
            if (Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy").contains(attached.type())
                    && list(attached.properties().get("Roles")).stream().anyMatch(r -> referencedNames(r).contains(roleId))) {
                read(attached.properties().get("PolicyDocument"), attached.logicalId());
            }
        }
    }

    private void read(Object document, String policy) {
        for (Object item : list(map(document).get("Statement"))) {
            Map<String, Object> statement = map(item);
            if ("Deny".equals(statement.get("Effect"))) {
                continue;
            }
            String name = policy + (statement.get("Sid") instanceof String sid ? " " + sid : "");
            List<String> actions = list(statement.get("Action")).stream().map(String::valueOf).toList();
            if (smsToPhoneNumbers(statement, actions)) {
                statements.add(new Statement(template.where(statement), name, actions, List.of(PHONE_NUMBERS), false));
                continue;
            }
            if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
                roleProblems.add(template.where(statement) + ": " + name + ": NotAction/NotResource grant more than the"
                        + " function can be shown to need");
            }
            statements.add(new Statement(template.where(statement), name, actions, list(statement.get("Resource")),
                    statement.containsKey("Condition")));
        }
    }

    /**
     * SNS's publish to a phone number (an SMS straight to a person) names no resource, so IAM can only grant it as
     * {@code Resource: '*'}, which would let the function publish to every topic too. The one narrower form:
     * {@code NotResource: arn:${AWS::Partition}:sns:*:*:*}, every publish that is not to a topic or endpoint. Accepted
     * only for {@code sns:Publish} alone, and only when the code publishes to phone numbers
     * ({@code PublishRequest.Builder.phoneNumber}).
     */
    private boolean smsToPhoneNumbers(Map<String, Object> statement, List<String> actions) {
        if (statement.containsKey("NotAction") || statement.containsKey("Resource")
                || !List.of("sns:Publish").equals(actions)) {
            return false;
        }
        Object notResource = textOf(statement.get("NotResource"));
        boolean everySnsArn = "arn:${AWS::Partition}:sns:*:*:*".equals(notResource)
                || "arn:aws:sns:*:*:*".equals(notResource);
        return everySnsArn && publishesToPhoneNumbers();
    }

    private boolean publishesToPhoneNumbers() {
        return calls.calls("PublishRequest$Builder", "phoneNumber");
    }

    /** The resources of a statement granting SMS to phone numbers ({@link #smsToPhoneNumbers}). */
    static final String PHONE_NUMBERS = "phone numbers (NotResource: every SNS ARN)";

    // ---- reading intrinsics ----

    private String where() {
        return lines.at(template.resource(functionId).raw(), List.of("Resources", functionId));
    }

    /**
     * The logical ids and parameters a value refers to (Ref, GetAtt, and the variables of Sub), pseudo parameters
     * left out.
     */
    static Set<String> referencedNames(Object value) {
        Set<String> names = new LinkedHashSet<>();
        TemplateData.walk(value, List.of(), (node, path) -> {
            if (!isIntrinsic(node)) {
                return;
            }
            Object argument = intrinsicArgument(node);
            switch (intrinsicName(node)) {
                case "Ref" -> names.add(String.valueOf(argument));
                case "Fn::GetAtt" -> names.add(argument instanceof String dotted ? dotted.split("\\.")[0]
                        : String.valueOf(list(argument).get(0)));
                case "Fn::Sub" -> {
                    Matcher variable = SUB_VARIABLE.matcher(String.valueOf(argument instanceof String ? argument
                            : list(argument).get(0)));
                    while (variable.find()) {
                        names.add(variable.group(1).trim().split("\\.")[0]);
                    }
                }
                default -> {
                }
            }
        });
        names.removeIf(name -> name.startsWith("AWS::"));
        // A Ref of a SAM referenceable property (F.Alias) names F.
        Set<String> out = new LinkedHashSet<>();
        names.forEach(name -> out.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name));
        return out;
    }

    private static Set<String> referencedResources(Object value) {
        return referencedNames(value);
    }

    private boolean queriesAnIndex() {
        return calls.calls("QueryRequest$Builder", "indexName") || calls.calls("ScanRequest$Builder", "indexName");
    }

    /** An ARN of this function, built from its FunctionName (a function invoking its own versions). */
    private boolean namesItself(Object resource) {
        Object name = textOf(function.properties().get("FunctionName"));
        return name instanceof String text && !text.isBlank()
                && String.valueOf(textOf(resource)).contains(":function:" + text);
    }

    /** The text of a resource: a literal, or a Sub's pattern. */
    private static Object textOf(Object resource) {
        if (isIntrinsic(resource) && intrinsicName(resource).equals("Fn::Sub")) {
            Object argument = intrinsicArgument(resource);
            return argument instanceof String ? argument : list(argument).get(0);
        }
        return resource;
    }
}
