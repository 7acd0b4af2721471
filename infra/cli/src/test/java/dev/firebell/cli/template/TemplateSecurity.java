package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.intrinsicArgument;
import static dev.firebell.cli.template.TemplateData.intrinsicName;
import static dev.firebell.cli.template.TemplateData.isIntrinsic;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static dev.firebell.cli.template.TemplateData.refName;

import dev.firebell.local.FunctionSpec;
import dev.firebell.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Security and operability rules for a template, each returning its findings as "file line N: where: what" lines
 * (empty when the template follows the rule). What each rule requires is said on its method.
 */
final class TemplateSecurity {

    /**
     * Actions whose permissions can name the resources they act on, so an Allow on {@code Resource: '*'} for them
     * is always broader than needed. Wildcards as in IAM; a statement action overlapping any of these is flagged.
     */
    static final List<String> RESOURCE_SCOPED_ACTIONS = List.of("dynamodb:*", "sns:Publish", "sqs:SendMessage",
            "kms:Decrypt", "kms:GenerateDataKey*", "ssm:GetParameter*", "secretsmanager:GetSecretValue", "s3:*Object");

    /** Event types Lambda is invoked asynchronously for: a failed event is dropped after two retries unless sent on. */
    static final Set<String> ASYNC_EVENTS = Set.of("EventBridgeRule", "CloudWatchEvent", "SNS", "S3", "CloudWatchLogs",
            "IoTRule");
    /** Principals that invoke a function asynchronously through an AWS::Lambda::Permission (alarm actions, rules...). */
    static final Set<String> ASYNC_PRINCIPALS = Set.of("lambda.alarms.cloudwatch.amazonaws.com", "events.amazonaws.com",
            "sns.amazonaws.com", "s3.amazonaws.com", "logs.amazonaws.com", "iot.amazonaws.com");
    static final Set<String> STREAM_EVENTS = Set.of("DynamoDB", "Kinesis", "SQS", "MSK", "MQ", "SelfManagedKafka",
            "DocumentDB");
    /** The caller waits for the result and sees the error: there is no event to keep. */
    static final Set<String> SYNC_EVENTS = Set.of("Api", "HttpApi", "Cognito", "AlexaSkill");

    /** {@code Metadata: {NoFailureDestination: <why>}} on a function documents why failed events may be dropped. */
    static final String NO_FAILURE_DESTINATION = "NoFailureDestination";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|token|password|passwd|passphrase|api[_-]?key|private[_-]?key|credential).*");
    /** A secret-sounding name that holds where the secret is (SLACK_SECRET_ARN, BotTokenParameterName), not the secret. */
    private static final Pattern POINTER_NAME = Pattern.compile(
            "(?i).*(arn|name|id|path|param|parameter|url|uri|ttl|seconds)$");
    /** Known shapes of real credentials, wherever they appear. */
    private static final Map<String, Pattern> SECRET_VALUES = secretValues();

    private final SamTemplate template;
    private final TemplateLines lines;

    TemplateSecurity(SamTemplate template) {
        this.template = template;
        this.lines = new TemplateLines(template);
    }

    /** Every AWS::DynamoDB::Table: SSESpecification.SSEEnabled true and point-in-time recovery enabled. */
    List<String> unprotectedTables() {
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource table : resourcesOfType("AWS::DynamoDB::Table")) {
            Map<String, Object> p = table.properties();
            if (!isTrue(at(p, "SSESpecification", "SSEEnabled"))) {
                findings.add(where(table, "SSESpecification") + ": " + table.logicalId()
                        + ": SSESpecification.SSEEnabled must be true (encryption with a KMS key)");
            }
            if (!isTrue(at(p, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"))) {
                findings.add(where(table, "PointInTimeRecoverySpecification") + ": " + table.logicalId()
                        + ": PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled must be true");
            }
        }
        return findings;
    }

    /** Every AWS::SNS::Topic has a KmsMasterKeyId. */
    List<String> unencryptedTopics() {
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource topic : resourcesOfType("AWS::SNS::Topic")) {
            if (isBlank(topic.properties().get("KmsMasterKeyId"))) {
                findings.add(where(topic) + ": " + topic.logicalId() + ": no KmsMasterKeyId, so messages are stored"
                        + " unencrypted");
            }
        }
        return findings;
    }

    /** Every AWS::SQS::Queue has a KmsMasterKeyId or SqsManagedSseEnabled true. */
    List<String> unencryptedQueues() {
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource queue : resourcesOfType("AWS::SQS::Queue")) {
            Map<String, Object> p = queue.properties();
            if (isBlank(p.get("KmsMasterKeyId")) && !isTrue(Optional.ofNullable(p.get("SqsManagedSseEnabled")))) {
                findings.add(where(queue) + ": " + queue.logicalId() + ": neither KmsMasterKeyId nor"
                        + " SqsManagedSseEnabled: true");
            }
        }
        return findings;
    }

    /**
     * Every AWS::S3::Bucket: default encryption configured ({@code BucketEncryption} with {@code aws:kms},
     * {@code aws:kms:dsse} or {@code AES256}), all four public access blocks on, and a bucket policy that denies
     * requests without TLS ({@code aws:SecureTransport: false}) on the bucket and its objects.
     */
    List<String> unprotectedBuckets() {
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource bucket : resourcesOfType("AWS::S3::Bucket")) {
            Map<String, Object> p = bucket.properties();
            List<Object> rules = list(at(p, "BucketEncryption", "ServerSideEncryptionConfiguration").orElse(null));
            boolean encrypted = !rules.isEmpty() && rules.stream().allMatch(rule -> at(rule,
                    "ServerSideEncryptionByDefault", "SSEAlgorithm").filter(algorithm -> Set.of("aws:kms",
                    "aws:kms:dsse", "AES256").contains(String.valueOf(algorithm))).isPresent());
            if (!encrypted) {
                findings.add(where(bucket, "BucketEncryption") + ": " + bucket.logicalId() + ": no BucketEncryption"
                        + " with an SSEAlgorithm (aws:kms, aws:kms:dsse or AES256)");
            }
            for (String block : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                    "RestrictPublicBuckets")) {
                if (!isTrue(at(p, "PublicAccessBlockConfiguration", block))) {
                    findings.add(where(bucket, "PublicAccessBlockConfiguration") + ": " + bucket.logicalId()
                            + ": PublicAccessBlockConfiguration." + block + " must be true");
                }
            }
            boolean tlsOnly = resourcesOfType("AWS::S3::BucketPolicy").stream()
                    .filter(policy -> refName(policy.properties().get("Bucket")).filter(bucket.logicalId()::equals)
                            .isPresent())
                    .flatMap(policy -> list(at(policy.properties(), "PolicyDocument", "Statement").orElse(null)).stream())
                    .anyMatch(statement -> deniesPlainHttp(map(statement), bucket.logicalId()));
            if (!tlsOnly) {
                findings.add(where(bucket) + ": " + bucket.logicalId() + ": no bucket policy denies requests without TLS"
                        + " (Deny s3:* on the bucket and its objects when aws:SecureTransport is false)");
            }
        }
        return findings;
    }

    private static boolean deniesPlainHttp(Map<String, Object> statement, String bucket) {
        if (!"Deny".equals(statement.get("Effect")) || !list(statement.get("Action")).contains("s3:*")) {
            return false;
        }
        Object principal = statement.get("Principal");
        boolean everyone = "*".equals(principal) || "*".equals(map(principal).get("AWS"));
        Object secure = at(statement, "Condition", "Bool", "aws:SecureTransport").orElse(null);
        List<Object> resources = list(statement.get("Resource"));
        boolean bucketItself = resources.stream().anyMatch(r -> isIntrinsic(r) && intrinsicName(r).equals("Fn::GetAtt")
                && String.valueOf(list(intrinsicArgument(r)).get(0)).equals(bucket));
        boolean objects = resources.stream().anyMatch(r -> isIntrinsic(r) && intrinsicName(r).equals("Fn::Sub")
                && String.valueOf(intrinsicArgument(r)).equals("${" + bucket + ".Arn}/*"));
        return everyone && "false".equalsIgnoreCase(String.valueOf(secure)) && bucketItself && objects;
    }

    /**
     * No Allow statement in a function's Policies (Globals included), or in an IAM role or policy of the template,
     * grants an action of {@link #RESOURCE_SCOPED_ACTIONS} (or a NotAction) on {@code Resource: '*'}.
     */
    List<String> unscopedPolicyStatements() {
        List<String> findings = new ArrayList<>();
        for (String id : template.functionIds()) {
            FunctionSpec function = template.function(id);
            for (Object policy : function.policies()) {
                for (Object document : policyDocuments(policy)) {
                    checkStatements(document, id + " Policies", findings);
                }
            }
        }
        for (SamTemplate.Resource resource : template.resources().values()) {
            switch (resource.type()) {
                case "AWS::IAM::Role" -> list(resource.properties().get("Policies")).forEach(policy ->
                        checkStatements(map(policy).get("PolicyDocument"), resource.logicalId() + " Policies", findings));
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy" -> checkStatements(
                        resource.properties().get("PolicyDocument"), resource.logicalId() + " PolicyDocument", findings);
                default -> {
                }
            }
        }
        return findings;
    }

    /** What invokes a function: "Events.X (SNS)", "AlarmActionInvokePermission (lambda.alarms...)", by function. */
    Map<String, Set<String>> asyncTriggers() {
        Map<String, Set<String>> triggers = new LinkedHashMap<>();
        for (String id : template.functionIds()) {
            Set<String> async = new LinkedHashSet<>();
            template.function(id).events().forEach((name, event) -> {
                String type = String.valueOf(map(event).get("Type"));
                if (ASYNC_EVENTS.contains(type)) {
                    async.add("Events." + name + " (" + type + ")");
                }
            });
            for (SamTemplate.Resource permission : resourcesOfType("AWS::Lambda::Permission")) {
                Object principal = permission.properties().get("Principal");
                if (principal instanceof String service && ASYNC_PRINCIPALS.contains(service)
                        && refersToFunction(permission.properties().get("FunctionName"), id)) {
                    async.add(permission.logicalId() + " (" + service + ")");
                }
            }
            if (!async.isEmpty()) {
                triggers.put(id, async);
            }
        }
        return triggers;
    }

    /**
     * Functions invoked asynchronously (by an event of {@link #ASYNC_EVENTS} or a permission for one of
     * {@link #ASYNC_PRINCIPALS}, e.g. an alarm action) send events that still fail after Lambda's retries to an
     * {@code EventInvokeConfig} OnFailure destination or a {@code DeadLetterQueue}. No documented excuse is accepted.
     */
    List<String> asyncFunctionsWithoutFailureDestination() {
        List<String> findings = new ArrayList<>();
        asyncTriggers().forEach((id, triggers) -> {
            if (!hasFailureDestination(template.function(id))) {
                findings.add(where(template.resource(id)) + ": " + id + " is invoked asynchronously by "
                        + String.join(", ", triggers) + " but has no EventInvokeConfig.DestinationConfig.OnFailure"
                        + " and no DeadLetterQueue: events that fail after Lambda's retries are lost");
            }
        });
        return findings;
    }

    /**
     * Every other function that is not only invoked synchronously ({@link #SYNC_EVENTS}): a failure destination, a
     * dead-letter queue, an on-failure destination on each stream event, or a reason in
     * {@code Metadata.NoFailureDestination}.
     */
    List<String> otherFunctionsWithoutFailureHandling() {
        List<String> findings = new ArrayList<>();
        Set<String> async = asyncTriggers().keySet();
        for (String id : template.functionIds()) {
            FunctionSpec function = template.function(id);
            Set<String> types = new LinkedHashSet<>();
            function.events().values().forEach(event -> types.add(String.valueOf(map(event).get("Type"))));
            boolean onlySync = !types.isEmpty() && SYNC_EVENTS.containsAll(types);
            if (async.contains(id) || onlySync || hasFailureDestination(function) || streamsHandleFailures(function)) {
                continue;
            }
            Object reason = map(template.resource(id).raw().get("Metadata")).get(NO_FAILURE_DESTINATION);
            if (!(reason instanceof String text) || text.isBlank()) {
                findings.add(where(template.resource(id)) + ": " + id + " (events: "
                        + (types.isEmpty() ? "none" : String.join(", ", types)) + ") has no failure destination or"
                        + " DeadLetterQueue; add one, or say why failed events may be dropped in Metadata."
                        + NO_FAILURE_DESTINATION);
            }
        }
        return findings;
    }

    /**
     * Every function has an AWS::Logs::LogGroup with RetentionInDays: the one its LoggingConfig.LogGroup names, or
     * else the one named {@code /aws/lambda/<the function's name>} (otherwise Lambda creates it, keeping logs forever).
     */
    List<String> functionsWithoutLogRetention() {
        List<String> findings = new ArrayList<>();
        for (String id : template.functionIds()) {
            FunctionSpec function = template.function(id);
            Optional<Object> custom = at(function.properties(), "LoggingConfig", "LogGroup");
            List<SamTemplate.Resource> groups;
            String wanted;
            if (custom.isPresent()) {
                wanted = "the log group LoggingConfig.LogGroup names";
                Optional<String> target = refName(custom.get());
                groups = target.filter(name -> template.resources().containsKey(name))
                        .map(template::resource)
                        .filter(resource -> resource.type().equals("AWS::Logs::LogGroup"))
                        .map(List::of).orElse(List.of());
            } else {
                wanted = "an AWS::Logs::LogGroup with LogGroupName !Sub /aws/lambda/${" + id + "}";
                groups = resourcesOfType("AWS::Logs::LogGroup").stream()
                        .filter(group -> nameWithFunction(group.properties().get("LogGroupName"), id)
                                .filter(name -> name.equals("/aws/lambda/" + placeholder(id))).isPresent())
                        .toList();
            }
            if (groups.isEmpty()) {
                findings.add(where(template.resource(id)) + ": " + id + ": no " + wanted + " in the template, so"
                        + " Lambda creates it on first log and keeps the logs forever");
            }
            for (SamTemplate.Resource group : groups) {
                if (group.properties().get("RetentionInDays") == null) {
                    findings.add(where(group) + ": " + group.logicalId() + " (logs of " + id + ") has no RetentionInDays");
                }
            }
        }
        return findings;
    }

    /**
     * No plaintext secrets: a parameter named like a secret (and not like a pointer to one, e.g. *Arn, *Name) has
     * NoEcho: true and no Default; an environment variable named like a secret is not set to a literal; and no value
     * anywhere has the shape of a known credential (AWS access key, private key, Slack/GitHub/Stripe token, JWT,
     * Slack webhook, password in a URL).
     */
    List<String> plaintextSecrets() {
        List<String> findings = new ArrayList<>();
        template.parameters().values().forEach(parameter -> {
            if (!looksLikeSecretName(parameter.name())) {
                return;
            }
            List<Object> path = List.of("Parameters", parameter.name());
            if (!isTrue(Optional.ofNullable(parameter.raw().get("NoEcho")))) {
                findings.add(lines.at(parameter.raw(), path) + ": parameter " + parameter.name()
                        + " looks like a secret but is not NoEcho: true, so its value shows in the console and API");
            }
            if (parameter.hasDefault() && !isBlank(parameter.defaultValue())) {
                findings.add(lines.at(parameter.raw(), TemplateData.append(path, "Default")) + ": parameter "
                        + parameter.name() + " looks like a secret and has a Default: the secret is in the template");
            }
        });
        for (String id : template.functionIds()) {
            template.function(id).environment().forEach((name, value) -> {
                if (looksLikeSecretName(name) && value instanceof String literal && !literal.isBlank()) {
                    findings.add(lines.at(template.resource(id).raw(), envPath(id, name)) + ": " + id + ": environment"
                            + " variable " + name + " holds a literal; keep the secret in Secrets Manager or SSM and"
                            + " pass its ARN or name");
                }
            });
        }
        Map<String, Object> sections = new LinkedHashMap<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> parameters.put(name, parameter.raw()));
        sections.put("Parameters", parameters);
        template.resources().values().forEach(resource -> sections.put("Resources." + resource.logicalId(), resource.raw()));
        sections.put("Globals", template.globals());
        sections.put("Mappings", template.mappings());
        template.outputs().values().forEach(output -> sections.put("Outputs." + output.name(), output.raw()));
        sections.forEach((section, root) -> TemplateData.walk(root, List.of(), (value, path) -> {
            if (value instanceof String text) {
                SECRET_VALUES.forEach((kind, pattern) -> {
                    if (pattern.matcher(text).find()) {
                        List<Object> full = new ArrayList<>(List.of((Object[]) section.split("\\.", 2)));
                        full.addAll(path);
                        findings.add(lines.at(root, full) + ": " + section + (path.isEmpty() ? "" : "."
                                + TemplateData.render(path)) + " holds what looks like " + kind);
                    }
                });
            }
        }));
        return findings;
    }

    // ---- policies ----

    /** The policy documents in one entry of a function's Policies: inline documents, both sides of an Fn::If. */
    private static List<Object> policyDocuments(Object policy) {
        if (isIntrinsic(policy) && intrinsicName(policy).equals("Fn::If")) {
            List<Object> branches = list(intrinsicArgument(policy));
            List<Object> documents = new ArrayList<>();
            branches.stream().skip(1).forEach(branch -> documents.addAll(policyDocuments(branch)));
            return documents;
        }
        // A string is a managed policy; any other map a SAM policy template, scoped by its parameters.
        return map(policy).containsKey("Statement") ? List.of(policy) : List.of();
    }

    private void checkStatements(Object document, String where, List<String> findings) {
        for (Object item : list(map(document).get("Statement"))) {
            Map<String, Object> statement = map(item);
            if ("Deny".equals(statement.get("Effect")) || !list(statement.get("Resource")).contains("*")) {
                continue;
            }
            String sid = statement.get("Sid") instanceof String name ? " " + name : "";
            if (statement.containsKey("NotAction")) {
                findings.add(template.where(statement) + ": " + where + sid + ": Allow with NotAction on Resource '*'"
                        + " grants almost everything");
            }
            for (Object action : list(statement.get("Action"))) {
                if (!(action instanceof String name)) {
                    continue;
                }
                RESOURCE_SCOPED_ACTIONS.stream().filter(scoped -> globsOverlap(name, scoped)).findFirst()
                        .ifPresent(scoped -> findings.add(template.where(statement) + ": " + where + sid + ": " + name
                                + " on Resource '*' (" + scoped + " can be limited to the resources it needs)"));
            }
        }
    }

    /** Whether two IAM action patterns ({@code *} and {@code ?} wildcards, case-insensitive) can match one action. */
    static boolean globsOverlap(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        Boolean[][] memo = new Boolean[x.length() + 1][y.length() + 1];
        return overlap(x, 0, y, 0, memo);
    }

    private static boolean overlap(String a, int i, String b, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean result;
        if (i == a.length() && j == b.length()) {
            result = true;
        } else if (i < a.length() && a.charAt(i) == '*') {
            result = overlap(a, i + 1, b, j, memo) || j < b.length() && overlap(a, i, b, j + 1, memo);
        } else if (j < b.length() && b.charAt(j) == '*') {
            result = overlap(a, i, b, j + 1, memo) || i < a.length() && overlap(a, i + 1, b, j, memo);
        } else if (i < a.length() && j < b.length()) {
            char p = a.charAt(i);
            char q = b.charAt(j);
            result = (p == q || p == '?' || q == '?') && overlap(a, i + 1, b, j + 1, memo);
        } else {
            result = false;
        }
        memo[i][j] = result;
        return result;
    }

    // ---- failure handling ----

    private static boolean hasFailureDestination(FunctionSpec function) {
        return at(function.properties(), "EventInvokeConfig", "DestinationConfig", "OnFailure").isPresent()
                || at(function.properties(), "DeadLetterQueue", "TargetArn").isPresent();
    }

    /** Stream events that keep failed records themselves: an OnFailure destination, or an SQS queue with a redrive policy. */
    private boolean streamsHandleFailures(FunctionSpec function) {
        List<Object> events = new ArrayList<>(function.events().values());
        if (events.isEmpty()) {
            return false;
        }
        for (Object event : events) {
            String type = String.valueOf(map(event).get("Type"));
            Map<String, Object> properties = map(map(event).get("Properties"));
            boolean handled = STREAM_EVENTS.contains(type)
                    && (at(properties, "DestinationConfig", "OnFailure").isPresent()
                    || type.equals("SQS") && queueHasRedrive(properties.get("Queue")));
            if (!handled) {
                return false;
            }
        }
        return true;
    }

    private boolean queueHasRedrive(Object queueArn) {
        if (isIntrinsic(queueArn) && intrinsicName(queueArn).equals("Fn::GetAtt")
                && list(intrinsicArgument(queueArn)).get(0) instanceof String id && template.resources().containsKey(id)) {
            return template.resource(id).properties().containsKey("RedrivePolicy");
        }
        return false;
    }

    /** Whether a FunctionName value refers to the function: Ref F, Ref F.Alias, GetAtt F.Arn, ${F}, ${F.Arn}... */
    private boolean refersToFunction(Object value, String id) {
        List<Boolean> found = new ArrayList<>();
        TemplateData.walk(value, List.of(), (node, path) -> {
            if (!isIntrinsic(node)) {
                return;
            }
            Object argument = intrinsicArgument(node);
            List<String> names = new ArrayList<>();
            switch (intrinsicName(node)) {
                case "Ref" -> names.add(String.valueOf(argument));
                case "Fn::GetAtt" -> names.add(String.valueOf(list(argument).get(0)));
                case "Fn::Sub" -> {
                    Matcher variable = Pattern.compile("\\$\\{([^!}][^}]*)}").matcher(String.valueOf(
                            argument instanceof String ? argument : list(argument).get(0)));
                    while (variable.find()) {
                        names.add(variable.group(1).trim());
                    }
                }
                default -> {
                }
            }
            for (String name : names) {
                if (name.equals(id) || name.startsWith(id + ".") || name.startsWith(id + "Alias")) {
                    found.add(true);
                }
            }
        });
        return !found.isEmpty();
    }

    // ---- log groups ----

    /** A LogGroupName with the function's name (Ref F) replaced by a placeholder; empty if it cannot be read. */
    private static Optional<String> nameWithFunction(Object value, String id) {
        if (value instanceof String literal) {
            return Optional.of(literal);
        }
        if (!isIntrinsic(value)) {
            return Optional.empty();
        }
        Object argument = intrinsicArgument(value);
        switch (intrinsicName(value)) {
            case "Ref" -> {
                return Optional.of(id.equals(argument) ? placeholder(id) : "${" + argument + "}");
            }
            case "Fn::Sub" -> {
                Object pattern = argument instanceof String ? argument : list(argument).get(0);
                return Optional.of(String.valueOf(pattern).replace("${" + id + "}", placeholder(id)));
            }
            case "Fn::Join" -> {
                List<Object> arguments = list(argument);
                if (arguments.size() != 2 || !(arguments.get(0) instanceof String delimiter)) {
                    return Optional.empty();
                }
                List<String> parts = new ArrayList<>();
                for (Object part : list(arguments.get(1))) {
                    Optional<String> text = nameWithFunction(part, id);
                    if (text.isEmpty()) {
                        return Optional.empty();
                    }
                    parts.add(text.get());
                }
                return Optional.of(String.join(delimiter, parts));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static String placeholder(String id) {
        return "<name of " + id + ">";
    }

    // ---- helpers ----

    private List<SamTemplate.Resource> resourcesOfType(String type) {
        return template.resources().values().stream().filter(resource -> resource.type().equals(type)).toList();
    }

    private String where(SamTemplate.Resource resource, String... keys) {
        List<Object> path = new ArrayList<>(List.of("Resources", resource.logicalId()));
        if (keys.length > 0 && resource.properties().containsKey(keys[0])) {
            path.add("Properties");
            path.addAll(List.of(keys));
        }
        return lines.at(resource.raw(), path);
    }

    private static List<Object> envPath(String id, String name) {
        return List.of("Resources", id, "Properties", "Environment", "Variables", name);
    }

    private static boolean looksLikeSecretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !POINTER_NAME.matcher(name).matches();
    }

    private static boolean isTrue(Optional<Object> value) {
        return value.map(v -> Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v))).orElse(false);
    }

    private static boolean isBlank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    private static Map<String, Pattern> secretValues() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        patterns.put("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"));
        patterns.put("a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));
        patterns.put("a Slack token", Pattern.compile("\\bxox[abposr]-[0-9A-Za-z-]{10,}"));
        patterns.put("a Slack webhook URL", Pattern.compile("hooks\\.slack\\.com/services/T[0-9A-Z]+/B[0-9A-Z]+/\\w+"));
        patterns.put("a GitHub token", Pattern.compile("\\b(gh[pousr]_[0-9A-Za-z]{36}|github_pat_\\w{22,})"));
        patterns.put("a Stripe secret key", Pattern.compile("\\b[sr]k_live_[0-9A-Za-z]{16,}"));
        patterns.put("a JSON web token", Pattern.compile("\\beyJ[\\w-]{10,}\\.eyJ[\\w-]{10,}\\.[\\w-]{10,}"));
        patterns.put("a password in a URL", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"));
        return patterns;
    }
}
