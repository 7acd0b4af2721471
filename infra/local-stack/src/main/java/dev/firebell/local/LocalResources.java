package dev.firebell.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@link LocalStack#provision} created, by logical id, and an evaluator for the template's intrinsic functions
 * against those physical names: {@code !Ref FirebellTable} gives the local table's name, {@code !GetAtt Queue.Arn}
 * the local queue's ARN.
 *
 * <p>A reference to something the emulator does not create (a KMS key, a Lambda alias) fails only when it is
 * evaluated, with a message naming it; everything else in the template stays usable.
 */
public final class LocalResources {

    /**
     * The stack {@link LocalStack#provision(SamTemplate)} creates: its resources without a name property are named by
     * their logical ids ({@code FirebellTable}), short enough to type. Stacks given another name are named the way
     * CloudFormation names them, after the stack ({@code firebell-prod-FirebellTable}), so several fit in one emulator.
     */
    public static final String STACK_NAME = "firebell-local";

    /** A template resource that {@link LocalStack#provision} did not create, and why. */
    public record Skipped(String logicalId, String type, String reason) {
    }

    static final Set<String> TABLE_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable");
    static final String TOPIC = "AWS::SNS::Topic";
    static final String QUEUE = "AWS::SQS::Queue";
    static final String BUCKET = "AWS::S3::Bucket";
    static final String PARAMETER = "AWS::SSM::Parameter";
    static final String SECRET = "AWS::SecretsManager::Secret";
    static final String SUBSCRIPTION = "AWS::SNS::Subscription";

    /** {@code !Ref AWS::NoValue}: the enclosing key or list item disappears. */
    private static final Object NO_VALUE = new Object();

    /** A created resource: what {@code Ref} gives, and the attributes {@code Fn::GetAtt} can ask for. */
    private record Created(String type, String ref, Map<String, Supplier<String>> attributes) {
    }

    /** Failure inside one intrinsic; {@link #function} adds which intrinsic and where it is in the template. */
    private static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message, null, false, false);
        }
    }

    private final SamTemplate template;
    private final String stackName;
    private final String region;
    private final String accountId;
    private final Map<String, Object> parameterValues;
    private final Map<String, Created> created = new LinkedHashMap<>();
    private final Map<String, Skipped> skipped = new LinkedHashMap<>();
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();
    private final Map<String, String> servedUrls = new java.util.concurrent.ConcurrentHashMap<>();

    LocalResources(SamTemplate template, String stackName, String region, String accountId,
                   Map<String, String> parameterOverrides) {
        this.template = template;
        this.stackName = requireStackName(stackName);
        this.region = region;
        this.accountId = accountId;
        this.parameterValues = parameterValues(template, parameterOverrides);
        checkRules();
    }

    /**
     * A stack of the template as it would be named, with nothing created: {@link #resolve} gives the names, ARNs and
     * conditions that depend only on the stack name, the parameters, the region and the account (a reference to a
     * resource fails, naming it). For checks that need no emulator, e.g. which names two stacks would share.
     */
    public static LocalResources unprovisioned(SamTemplate template, String stackName,
                                               Map<String, String> parameterOverrides) {
        return new LocalResources(template, stackName, LocalStack.DEFAULT_REGION.id(), LocalStack.ACCOUNT_ID,
                parameterOverrides);
    }

    public SamTemplate template() {
        return template;
    }

    /** What {@code AWS::StackName} is for these resources. */
    public String stackName() {
        return stackName;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** Logical ids of the resources created, in creation order. */
    public Set<String> created() {
        return Collections.unmodifiableSet(created.keySet());
    }

    /** Resources not created (types the emulator does not need, false conditions, unreachable endpoints). */
    public List<Skipped> skipped() {
        return List.copyOf(skipped.values());
    }

    public String tableName(String logicalId) {
        return created(logicalId, TABLE_TYPES, "DynamoDB table").ref();
    }

    public String tableArn(String logicalId) {
        return publicAttribute(created(logicalId, TABLE_TYPES, "DynamoDB table"), logicalId, "Arn");
    }

    /** The table's latest stream ARN, asked of the emulator (it changes if the table is re-created). */
    public String tableStreamArn(String logicalId) {
        return publicAttribute(created(logicalId, TABLE_TYPES, "DynamoDB table"), logicalId, "StreamArn");
    }

    public String topicArn(String logicalId) {
        return created(logicalId, Set.of(TOPIC), "SNS topic").ref();
    }

    public String queueUrl(String logicalId) {
        return created(logicalId, Set.of(QUEUE), "SQS queue").ref();
    }

    public String queueArn(String logicalId) {
        return publicAttribute(created(logicalId, Set.of(QUEUE), "SQS queue"), logicalId, "Arn");
    }

    public String bucketName(String logicalId) {
        return created(logicalId, Set.of(BUCKET), "S3 bucket").ref();
    }

    public String parameterName(String logicalId) {
        return created(logicalId, Set.of(PARAMETER), "SSM parameter").ref();
    }

    public String secretArn(String logicalId) {
        return created(logicalId, Set.of(SECRET), "Secrets Manager secret").ref();
    }

    /**
     * Evaluates a template value: intrinsics ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
     * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If} and the condition functions, {@code Fn::FindInMap},
     * {@code Fn::Base64}, {@code Fn::GetAZs}) are replaced by their local values, maps and lists are evaluated
     * throughout, and {@code AWS::NoValue} removes the key or item holding it (alone it gives null).
     *
     * @throws UnresolvableReferenceException naming the intrinsic, its template line and what it could not resolve
     */
    public Object resolve(Object value) {
        Object result = evaluate(value);
        return result == NO_VALUE ? null : result;
    }

    /** {@link #resolve} for a value that must end up a string (numbers and booleans are turned into text). */
    public String resolveString(Object value) {
        Object result = resolve(value);
        if (result instanceof String || result instanceof Number || result instanceof Boolean) {
            return String.valueOf(result);
        }
        throw new UnresolvableReferenceException(Intrinsics.render(value) + " (" + template.where(value)
                + ") gives " + (result == null ? "no value" : Intrinsics.render(result)) + ", not a string");
    }

    /**
     * A function's {@code Environment.Variables}, {@code Globals.Function} merged in, every value resolved to the
     * local physical names: what Lambda would hand the handler, ready for a test or the CLI.
     *
     * @throws UnresolvableReferenceException naming the function, the variable and the reference
     */
    public Map<String, String> environmentOf(String functionLogicalId) {
        Map<String, String> environment = new LinkedHashMap<>();
        template.function(functionLogicalId).environment().forEach((name, raw) -> {
            Object value;
            try {
                value = evaluate(raw);
            } catch (UnresolvableReferenceException e) {
                throw new UnresolvableReferenceException(
                        functionLogicalId + ": environment variable " + name + ": " + e.getMessage(), e);
            }
            if (value == NO_VALUE) {
                return;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new UnresolvableReferenceException(functionLogicalId + ": environment variable " + name + " ("
                        + template.where(raw) + ") gives " + Intrinsics.render(value) + ", not a string");
            }
            environment.put(name, value == null ? "" : String.valueOf(value));
        });
        return Collections.unmodifiableMap(environment);
    }

    /** Whether a condition of the template's {@code Conditions} holds, parameters at their defaults or overrides. */
    public boolean condition(String name) {
        try {
            return conditionNamed(name);
        } catch (Unresolved e) {
            throw new UnresolvableReferenceException("condition " + name + ": " + e.getMessage());
        }
    }

    /**
     * The template's {@code Rules}, as CloudFormation checks them before it creates anything: for each rule whose
     * {@code RuleCondition} holds, every assertion must hold, or the parameters are refused with its description. The
     * rule functions supported are the condition ones ({@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And},
     * {@code Fn::Or}) on parameters.
     */
    private void checkRules() {
        template.rules().forEach((name, definition) -> {
            if (!(definition instanceof Map<?, ?> rule)) {
                throw new IllegalArgumentException("rule " + name + " of " + template.source() + " is not a mapping");
            }
            try {
                if (rule.get("RuleCondition") != null && !conditionHolds(rule.get("RuleCondition"))) {
                    return;
                }
                Object assertions = rule.get("Assertions");
                for (Object item : assertions instanceof List<?> list ? list : List.of()) {
                    Map<?, ?> assertion = item instanceof Map<?, ?> map ? map : Map.of();
                    if (!conditionHolds(assertion.get("Assert"))) {
                        throw new IllegalArgumentException("the parameters break rule " + name + " of "
                                + template.source() + ": " + assertion.get("AssertDescription"));
                    }
                }
            } catch (Unresolved e) {
                throw new UnresolvableReferenceException("rule " + name + ": " + e.getMessage());
            }
        });
    }

    /**
     * Where a function with a Function URL is served locally (a server on 127.0.0.1 turning requests into Function URL
     * events): from now on {@code !GetAtt <Function>Url.FunctionUrl} gives {@code url}, e.g. in the environment of the
     * functions that put links to it in pages. Until then it gives the address AWS would: {@code
     * https://<id>.lambda-url.<region>.on.aws/}, served nowhere.
     */
    public void serveFunctionUrl(String functionLogicalId, java.net.URI url) {
        if (!created.containsKey(functionLogicalId + "Url")) {
            throw new IllegalArgumentException(functionLogicalId + " has no Function URL in " + template.source()
                    + " (no FunctionUrlConfig), or was not provisioned");
        }
        String text = url.toString();
        servedUrls.put(functionLogicalId, text.endsWith("/") ? text : text + "/");
    }

    // ---- registration, used while provisioning ----

    /** {@code <Function>Url}, the AWS::Lambda::Url SAM makes of a function's FunctionUrlConfig. */
    void functionUrl(String functionLogicalId) {
        String id = functionLogicalId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String placeholder = "https://" + (id + "0".repeat(32)).substring(0, 32) + ".lambda-url." + region + ".on.aws/";
        String arn = "arn:" + partition() + ":lambda:" + region + ":" + accountId + ":function:" + functionLogicalId;
        created.put(functionLogicalId + "Url", new Created("AWS::Lambda::Url", arn, Map.of(
                "FunctionUrl", () -> servedUrls.getOrDefault(functionLogicalId, placeholder),
                "FunctionArn", () -> arn)));
    }

    void created(String logicalId, String type, String ref, Map<String, Supplier<String>> attributes) {
        created.put(logicalId, new Created(type, ref, Map.copyOf(attributes)));
        skipped.remove(logicalId);
    }

    void skipped(String logicalId, String type, String reason) {
        skipped.put(logicalId, new Skipped(logicalId, type, reason));
    }

    boolean isCreated(String logicalId) {
        return created.containsKey(logicalId);
    }

    // ---- evaluation ----

    private Object evaluate(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (Intrinsics.isIntrinsic(map)) {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                return function((String) entry.getKey(), entry.getValue(), map);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object evaluated = evaluate(item);
                if (evaluated != NO_VALUE) {
                    result.put(String.valueOf(key), evaluated);
                }
            });
            return Collections.unmodifiableMap(result);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                Object evaluated = evaluate(item);
                if (evaluated != NO_VALUE) {
                    result.add(evaluated);
                }
            }
            return Collections.unmodifiableList(result);
        }
        return value;
    }

    private Object function(String name, Object argument, Map<?, ?> node) {
        try {
            return switch (name) {
                case "Ref" -> ref(text(argument, "Ref"));
                case "Fn::GetAtt" -> getAtt(argument);
                case "Fn::Sub" -> sub(argument);
                case "Fn::Join" -> join(argument);
                case "Fn::Select" -> select(argument);
                case "Fn::Split" -> split(argument);
                case "Fn::If" -> ifThenElse(argument);
                case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition" -> conditionHolds(node);
                case "Fn::FindInMap" -> findInMap(argument);
                case "Fn::Base64" -> Base64.getEncoder()
                        .encodeToString(text(evaluate(argument), "Fn::Base64").getBytes(StandardCharsets.UTF_8));
                case "Fn::GetAZs" -> List.of(region + "a", region + "b", region + "c");
                default -> throw new Unresolved(name + " is not supported by the local resolver");
            };
        } catch (Unresolved e) {
            throw new UnresolvableReferenceException(
                    Intrinsics.render(node) + " (" + template.where(node) + "): " + e.getMessage());
        }
    }

    private Object ref(String name) {
        if (name.startsWith("AWS::")) {
            return pseudoParameter(name);
        }
        if (parameterValues.containsKey(name)) {
            Object value = parameterValues.get(name);
            if (value == null) {
                throw new Unresolved("parameter " + name + " has no Default; pass it as a parameter override");
            }
            return value;
        }
        Created resource = created.get(name);
        if (resource == null) {
            throw new Unresolved(notCreated(name));
        }
        return resource.ref();
    }

    private Object pseudoParameter(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> accountId;
            case "AWS::Partition" -> partition();
            case "AWS::StackName" -> stackName;
            case "AWS::StackId" -> "arn:" + partition() + ":cloudformation:" + region + ":" + accountId + ":stack/"
                    + stackName + "/00000000-0000-0000-0000-000000000000";
            case "AWS::URLSuffix" -> region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
            case "AWS::NotificationARNs" -> List.of();
            case "AWS::NoValue" -> NO_VALUE;
            default -> throw new Unresolved("unknown pseudo parameter " + name);
        };
    }

    private String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private String getAtt(Object argument) {
        String logicalId;
        String attributeName;
        if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
            logicalId = dotted.substring(0, dotted.indexOf('.'));
            attributeName = dotted.substring(dotted.indexOf('.') + 1);
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String id) {
            logicalId = id;
            attributeName = text(evaluate(list.get(1)), "the attribute name of Fn::GetAtt");
        } else {
            throw new Unresolved("Fn::GetAtt takes [LogicalId, Attribute]");
        }
        Created resource = created.get(logicalId);
        if (resource == null) {
            throw new Unresolved(notCreated(logicalId));
        }
        return attribute(resource, logicalId, attributeName);
    }

    private String attribute(Created resource, String logicalId, String attributeName) {
        Supplier<String> attribute = resource.attributes().get(attributeName);
        if (attribute == null) {
            throw new Unresolved(logicalId + " (" + resource.type() + ") has no attribute '" + attributeName
                    + "' locally; it has: " + String.join(", ", resource.attributes().keySet().stream().sorted().toList()));
        }
        try {
            return attribute.get();
        } catch (UnresolvableReferenceException e) {
            throw new Unresolved(e.getMessage());
        }
    }

    private String publicAttribute(Created resource, String logicalId, String attributeName) {
        try {
            return attribute(resource, logicalId, attributeName);
        } catch (Unresolved e) {
            throw new UnresolvableReferenceException(e.getMessage());
        }
    }

    private String sub(Object argument) {
        String pattern;
        Map<?, ?> variables;
        if (argument instanceof String string) {
            pattern = string;
            variables = Map.of();
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String string
                && list.get(1) instanceof Map<?, ?> map) {
            pattern = string;
            variables = map;
        } else {
            throw new Unresolved("Fn::Sub takes a string or [string, {variables}]");
        }
        StringBuilder result = new StringBuilder();
        int position = 0;
        while (true) {
            int start = pattern.indexOf("${", position);
            if (start < 0) {
                return result.append(pattern, position, pattern.length()).toString();
            }
            result.append(pattern, position, start);
            if (pattern.startsWith("${!", start)) {
                // ${!Literal} is how a template writes a literal ${Literal}.
                result.append("${");
                position = start + 3;
                continue;
            }
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                throw new Unresolved("'${' at offset " + start + " is never closed");
            }
            String variable = pattern.substring(start + 2, end).trim();
            result.append(substitution(variable, variables));
            position = end + 1;
        }
    }

    private String substitution(String variable, Map<?, ?> variables) {
        try {
            Object value;
            if (variables.containsKey(variable)) {
                value = evaluate(variables.get(variable));
            } else if (variable.indexOf('.') > 0 && !variable.startsWith("AWS::")) {
                value = getAtt(variable);
            } else {
                value = ref(variable);
            }
            if (value instanceof Map<?, ?> || value instanceof List<?> || value == NO_VALUE || value == null) {
                throw new Unresolved("it gives " + (value instanceof List<?> ? "a list" : "no string"));
            }
            return String.valueOf(value);
        } catch (Unresolved | UnresolvableReferenceException e) {
            throw new Unresolved("cannot resolve ${" + variable + "}: " + e.getMessage());
        }
    }

    private String join(Object argument) {
        List<?> arguments = arguments(argument, 2, "Fn::Join", "[delimiter, [values]]");
        String delimiter = text(evaluate(arguments.get(0)), "the delimiter of Fn::Join");
        return list(evaluate(arguments.get(1)), "the values of Fn::Join").stream()
                .map(item -> text(item, "a value of Fn::Join"))
                .collect(Collectors.joining(delimiter));
    }

    private Object select(Object argument) {
        List<?> arguments = arguments(argument, 2, "Fn::Select", "[index, [values]]");
        String indexText = text(evaluate(arguments.get(0)), "the index of Fn::Select");
        List<?> values = list(evaluate(arguments.get(1)), "the values of Fn::Select");
        int index;
        try {
            index = Integer.parseInt(indexText.trim());
        } catch (NumberFormatException e) {
            throw new Unresolved("index '" + indexText + "' is not a number");
        }
        if (index < 0 || index >= values.size()) {
            throw new Unresolved("index " + index + " is outside the " + values.size() + " values");
        }
        return values.get(index);
    }

    private List<String> split(Object argument) {
        List<?> arguments = arguments(argument, 2, "Fn::Split", "[delimiter, string]");
        String delimiter = text(evaluate(arguments.get(0)), "the delimiter of Fn::Split");
        String source = text(evaluate(arguments.get(1)), "the string of Fn::Split");
        if (delimiter.isEmpty()) {
            throw new Unresolved("the delimiter of Fn::Split is empty");
        }
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }

    private Object ifThenElse(Object argument) {
        List<?> arguments = arguments(argument, 3, "Fn::If", "[condition, value if true, value if false]");
        String condition = text(arguments.get(0), "the condition of Fn::If");
        return evaluate(conditionNamed(condition) ? arguments.get(1) : arguments.get(2));
    }

    private Object findInMap(Object argument) {
        List<?> arguments = arguments(argument, 3, "Fn::FindInMap", "[map, top-level key, second-level key]");
        String mapName = text(evaluate(arguments.get(0)), "the map name of Fn::FindInMap");
        String topKey = text(evaluate(arguments.get(1)), "the top-level key of Fn::FindInMap");
        String secondKey = text(evaluate(arguments.get(2)), "the second-level key of Fn::FindInMap");
        if (!(template.mappings().get(mapName) instanceof Map<?, ?> mapping)) {
            throw new Unresolved("no mapping named " + mapName);
        }
        if (!(mapping.get(topKey) instanceof Map<?, ?> top) || !top.containsKey(secondKey)) {
            throw new Unresolved("mapping " + mapName + " has no " + topKey + "." + secondKey);
        }
        return evaluate(top.get(secondKey));
    }

    private boolean conditionNamed(String name) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        if (!template.conditions().containsKey(name)) {
            throw new Unresolved("no condition named " + name + " in " + template.source());
        }
        if (!conditionsInProgress.add(name)) {
            throw new Unresolved("condition " + name + " depends on itself");
        }
        try {
            boolean value = conditionHolds(template.conditions().get(name));
            conditionValues.put(name, value);
            return value;
        } finally {
            conditionsInProgress.remove(name);
        }
    }

    private boolean conditionHolds(Object expression) {
        if (expression instanceof Boolean value) {
            return value;
        }
        if (!(expression instanceof Map<?, ?> map) || !Intrinsics.isIntrinsic(map)) {
            Object value = evaluate(expression);
            if (value instanceof Boolean || "true".equals(value) || "false".equals(value)) {
                return Boolean.parseBoolean(String.valueOf(value));
            }
            throw new Unresolved(Intrinsics.render(expression) + " is not a condition");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        Object argument = entry.getValue();
        return switch ((String) entry.getKey()) {
            case "Condition" -> conditionNamed(text(argument, "Condition"));
            case "Fn::Equals" -> {
                List<?> sides = arguments(argument, 2, "Fn::Equals", "[value, value]");
                yield Objects.equals(comparable(evaluate(sides.get(0))), comparable(evaluate(sides.get(1))));
            }
            case "Fn::Not" -> !conditionHolds(arguments(argument, 1, "Fn::Not", "[condition]").get(0));
            case "Fn::And" -> list(argument, "Fn::And").stream().allMatch(this::conditionHolds);
            case "Fn::Or" -> list(argument, "Fn::Or").stream().anyMatch(this::conditionHolds);
            default -> {
                Object value = evaluate(expression);
                if (value instanceof Boolean bool) {
                    yield bool;
                }
                throw new Unresolved(Intrinsics.render(expression) + " is not a condition");
            }
        };
    }

    /** CloudFormation compares parameter values as text: a Number parameter "90" equals 90. */
    private static Object comparable(Object value) {
        return value instanceof Number || value instanceof Boolean ? String.valueOf(value) : value;
    }

    private String notCreated(String name) {
        String logicalId = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        Skipped skip = skipped.get(logicalId);
        if (skip != null) {
            return logicalId + " is an " + skip.type() + ", which the local stack does not create (" + skip.reason() + ")";
        }
        SamTemplate.Resource resource = template.resources().get(logicalId);
        if (resource != null) {
            return logicalId + " (" + resource.type() + ") has not been created locally";
        }
        return "no parameter, pseudo parameter or resource named '" + name + "' in " + template.source();
    }

    private Created created(String logicalId, Set<String> types, String what) {
        Created resource = created.get(logicalId);
        if (resource == null || !types.contains(resource.type())) {
            List<String> ofThatKind = created.entrySet().stream()
                    .filter(entry -> types.contains(entry.getValue().type()))
                    .map(Map.Entry::getKey)
                    .toList();
            String actual = resource != null ? " (it is an " + resource.type() + ")"
                    : skipped.containsKey(logicalId) ? " (" + notCreated(logicalId) + ")" : "";
            throw new IllegalArgumentException("'" + logicalId + "' is not a local " + what + actual + "; "
                    + what + "s: " + (ofThatKind.isEmpty() ? "none" : String.join(", ", ofThatKind)));
        }
        return resource;
    }

    private static List<?> arguments(Object argument, int count, String function, String shape) {
        if (!(argument instanceof List<?> list) || list.size() != count) {
            throw new Unresolved(function + " takes " + shape);
        }
        return list;
    }

    private static List<?> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new Unresolved(what + " must be a list, not " + Intrinsics.render(value));
    }

    private static String text(Object value, String what) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new Unresolved(what + " must be a string, not " + (value == NO_VALUE ? "AWS::NoValue" : Intrinsics.render(value)));
    }

    /** CloudFormation's rule for stack names: a letter, then letters, digits and hyphens, at most 128. */
    private static String requireStackName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            throw new IllegalArgumentException("stack name '" + name + "' is not one CloudFormation accepts: a letter,"
                    + " then letters, digits and hyphens, at most 128 characters");
        }
        return name;
    }

    /** CloudFormation hands parameter values around as text; list types become lists. */
    private static Map<String, Object> parameterValues(SamTemplate template, Map<String, String> overrides) {
        Map<String, SamTemplate.Parameter> parameters = template.parameters();
        for (String name : overrides.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("parameter override " + name + ": " + template.source()
                        + " has no such parameter (parameters: " + String.join(", ", parameters.keySet()) + ")");
            }
        }
        Map<String, Object> values = new HashMap<>();
        parameters.forEach((name, parameter) -> {
            String text = overrides.containsKey(name) ? overrides.get(name)
                    : parameter.hasDefault() ? defaultText(parameter.defaultValue()) : null;
            String type = parameter.type() == null ? "String" : parameter.type();
            boolean isList = type.equals("CommaDelimitedList") || type.startsWith("List<");
            values.put(name, text == null ? null
                    : isList ? Arrays.stream(text.split(",", -1)).map(String::trim).toList() : text);
        });
        return values;
    }

    private static String defaultText(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? "" : String.valueOf(value);
    }
}
