package dev.firebell.cli.template;

import static dev.firebell.cli.template.FunctionPermissions.referencedNames;
import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;

import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every path on which an AWS service writes into something the template encrypts with its own KMS key, and the grant
 * that service documents for it (docs/adr/0095):
 *
 * <ul>
 *   <li>CloudWatch alarm actions into an encrypted topic (a topic an alarm notifies, or whose policy admits
 *       {@code cloudwatch.amazonaws.com});</li>
 *   <li>EventBridge dead letters into an encrypted queue (an EventBridge rule event's {@code DeadLetterConfig});</li>
 *   <li>SNS redrives into an encrypted queue (an SNS event's {@code RedrivePolicy});</li>
 *   <li>CloudWatch Logs into an encrypted log group.</li>
 * </ul>
 *
 * The key's policy must give that service principal the actions the service documents, with no condition key it does
 * not document sending (KMS refuses a request that lacks a key a condition names, and the delivery fails silently:
 * EventBridge sends no {@code aws:SourceArn} or {@code aws:SourceAccount} to KMS). The destination's own policy must
 * admit the service, where it names who may write. Lambda's on-failure destinations write with the function's role,
 * whose KMS grants {@link FunctionPermissions} derives.
 */
final class TemplateEncryption {

    /** What a service documents for a customer managed key it writes with, and where. */
    record DocumentedGrant(String what, String principal, List<String> calls, Set<String> conditionKeys,
                           String documentedIn) {
    }

    static final DocumentedGrant CLOUDWATCH_ALARMS = new DocumentedGrant("CloudWatch alarm actions",
            "cloudwatch.amazonaws.com", List.of("kms:Decrypt", "kms:GenerateDataKey"), Set.of(),
            "Amazon SNS developer guide, key management: event sources from AWS services and encrypted topics");
    static final DocumentedGrant EVENTBRIDGE = new DocumentedGrant("EventBridge dead letters", "events.amazonaws.com",
            List.of("kms:Decrypt", "kms:GenerateDataKey"), Set.of(),
            "EventBridge user guide, targets: an encrypted target's key policy (no aws:SourceArn or aws:SourceAccount"
                    + " reaches KMS)");
    static final DocumentedGrant SNS_REDRIVE = new DocumentedGrant("SNS redrives", "sns.amazonaws.com",
            List.of("kms:Decrypt", "kms:GenerateDataKey"), Set.of(),
            "Amazon SQS developer guide, key management: KMS permissions for AWS services");
    static final DocumentedGrant LOGS = new DocumentedGrant("CloudWatch Logs", "logs.<region>.amazonaws.com",
            List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
                    "kms:DescribeKey"), Set.of(LogsContext.KEY),
            "CloudWatch Logs user guide, encrypt log data: the key policy, with the aws:logs:arn encryption context");

    /** The encryption context CloudWatch Logs sends, naming the log group. */
    private static final class LogsContext {
        static final String KEY = "kms:EncryptionContext:aws:logs:arn";
    }

    private final SamTemplate template;
    private final TemplateLines lines;
    private final LocalResources stack;

    TemplateEncryption(SamTemplate template) {
        this.template = template;
        this.lines = new TemplateLines(template);
        Map<String, String> parameters = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> {
            if (!parameter.hasDefault()) {
                parameters.put(name, "required");
            }
        });
        this.stack = LocalResources.unprovisioned(template, "firebell-prod", parameters);
    }

    /** One write of a service into an encrypted resource of the template. */
    record Path(DocumentedGrant grant, String destination, String key, String because) {
    }

    /** Every encrypted path of the template, found as the class comment says. */
    List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        for (SamTemplate.Resource resource : template.resources().values()) {
            Optional<String> key = keyOf(resource);
            if (key.isEmpty()) {
                continue;
            }
            String id = resource.logicalId();
            switch (resource.type()) {
                case "AWS::SNS::Topic" -> {
                    List<String> alarms = alarmsNotifying(id);
                    if (!alarms.isEmpty()) {
                        paths.add(new Path(CLOUDWATCH_ALARMS, id, key.get(), alarms.size() == 1 ? alarms.get(0)
                                + " notifies it" : alarms.size() + " alarms notify it, " + alarms.get(0) + " first"));
                    } else if (policyAdmits(id, "AWS::SNS::TopicPolicy", "Topics", CLOUDWATCH_ALARMS.principal())) {
                        paths.add(new Path(CLOUDWATCH_ALARMS, id, key.get(), "its topic policy admits alarm actions"));
                    }
                }
                case "AWS::SQS::Queue" -> eventsWriting(id).forEach((because, grant) ->
                        paths.add(new Path(grant, id, key.get(), because)));
                case "AWS::Logs::LogGroup" -> paths.add(new Path(LOGS, id, key.get(), "it is encrypted"));
                default -> {
                }
            }
        }
        return paths;
    }

    /** The key policy of each path's key gives its service the documented statement, usable for that destination. */
    List<String> pathsWithoutTheDocumentedGrant() {
        List<String> findings = new ArrayList<>();
        for (Path path : paths()) {
            List<String> refused = new ArrayList<>();
            boolean granted = false;
            for (Object item : list(at(template.resource(path.key()).properties(), "KeyPolicy", "Statement").orElse(null))) {
                Map<String, Object> statement = map(item);
                if (!"Allow".equals(statement.get("Effect")) || !namesPrincipal(statement, path.grant())) {
                    continue;
                }
                Set<String> undocumented = new LinkedHashSet<>(conditionKeys(statement));
                undocumented.removeAll(path.grant().conditionKeys());
                if (!undocumented.isEmpty()) {
                    refused.add(statement.get("Sid") + " (condition " + String.join(", ", undocumented) + ")");
                } else if (coversCalls(statement, path.grant()) && admitsDestination(statement, path)) {
                    granted = true;
                }
            }
            if (!granted) {
                findings.add(lines.at(template.resource(path.key()).raw(), List.of("Resources", path.key()))
                        + ": " + path.key() + " encrypts " + path.destination() + ", which " + path.grant().what()
                        + " write (" + path.because() + "), but its policy gives " + path.grant().principal() + " no "
                        + path.grant().calls() + (path.grant().conditionKeys().isEmpty() ? " without conditions"
                        : " on " + path.grant().conditionKeys() + " alone")
                        + (refused.isEmpty() ? "" : "; " + String.join(", ", refused) + " names a condition key the"
                        + " service does not send, so KMS refuses it and every delivery fails silently")
                        + " (" + path.grant().documentedIn() + ")");
            }
        }
        return findings;
    }

    /**
     * Where a destination has a resource policy (a topic or queue policy), it admits the service's writes
     * ({@code sns:Publish}, {@code sqs:SendMessage}), on the condition keys those services document for it
     * ({@code aws:SourceArn}, {@code aws:SourceAccount}) or none: the key's grant is of no use if the write is refused.
     */
    List<String> pathsRefusedByTheDestinationsPolicy() {
        List<String> findings = new ArrayList<>();
        for (Path path : paths()) {
            SamTemplate.Resource destination = template.resource(path.destination());
            String policyType = destination.type().equals("AWS::SNS::Topic") ? "AWS::SNS::TopicPolicy"
                    : destination.type().equals("AWS::SQS::Queue") ? "AWS::SQS::QueuePolicy" : null;
            if (policyType == null || policiesOf(path.destination(), policyType,
                    policyType.endsWith("TopicPolicy") ? "Topics" : "Queues").isEmpty()) {
                continue;
            }
            if (!policyAdmits(path.destination(), policyType, policyType.endsWith("TopicPolicy") ? "Topics" : "Queues",
                    path.grant().principal())) {
                findings.add(lines.at(destination.raw(), List.of("Resources", path.destination())) + ": "
                        + path.grant().what() + " write to " + path.destination() + " (" + path.because() + "), but its "
                        + "policy admits no " + path.grant().principal() + " write on aws:SourceArn or aws:SourceAccount"
                        + " alone");
            }
        }
        return findings;
    }

    // ---- finding the paths ----

    /** The template key a resource is encrypted with, by its encryption property. */
    private Optional<String> keyOf(SamTemplate.Resource resource) {
        Object key = switch (resource.type()) {
            case "AWS::SNS::Topic", "AWS::SQS::Queue" -> resource.properties().get("KmsMasterKeyId");
            case "AWS::Logs::LogGroup" -> resource.properties().get("KmsKeyId");
            default -> null;
        };
        return referencedNames(key).stream().filter(name -> template.resources().containsKey(name)
                && template.resource(name).type().equals(TemplateRetention.KEY)).findFirst();
    }

    private List<String> alarmsNotifying(String topic) {
        List<String> alarms = new ArrayList<>();
        for (SamTemplate.Resource resource : template.resources().values()) {
            if (resource.type().equals(TemplateOperations.ALARM)) {
                for (String kind : List.of("AlarmActions", "OKActions", "InsufficientDataActions")) {
                    if (list(resource.properties().get(kind)).stream().anyMatch(a -> referencedNames(a).contains(topic))
                            && !alarms.contains(resource.logicalId())) {
                        alarms.add(resource.logicalId());
                    }
                }
            }
        }
        return alarms;
    }

    /** The function events that write into a queue, and which service writes. */
    private Map<String, DocumentedGrant> eventsWriting(String queue) {
        Map<String, DocumentedGrant> writers = new LinkedHashMap<>();
        for (String id : template.functionIds()) {
            template.function(id).events().forEach((name, event) -> {
                String type = String.valueOf(map(event).get("Type"));
                Map<String, Object> properties = map(map(event).get("Properties"));
                if (Set.of("EventBridgeRule", "CloudWatchEvent", "Schedule").contains(type)
                        && referencedNames(at(properties, "DeadLetterConfig", "Arn").orElse(null)).contains(queue)) {
                    writers.put(id + " Events." + name + " sends its dead letters there", EVENTBRIDGE);
                }
                if (type.equals("SNS") && referencedNames(at(properties, "RedrivePolicy", "deadLetterTargetArn")
                        .orElse(null)).contains(queue)) {
                    writers.put(id + " Events." + name + " redrives there", SNS_REDRIVE);
                }
            });
        }
        return writers;
    }

    // ---- reading policies ----

    private boolean namesPrincipal(Map<String, Object> statement, DocumentedGrant grant) {
        Object principal = at(statement, "Principal", "Service").orElse(null);
        String wanted = grant.principal().replace("<region>", stack.region());
        return list(principal).stream().map(this::resolved).anyMatch(wanted::equals);
    }

    private static boolean coversCalls(Map<String, Object> statement, DocumentedGrant grant) {
        List<String> actions = list(statement.get("Action")).stream().map(String::valueOf).toList();
        return list(statement.get("Resource")).contains("*") && grant.calls().stream()
                .allMatch(call -> actions.stream().anyMatch(action -> glob(action).matcher(call).matches()));
    }

    /** For CloudWatch Logs: the encryption-context condition matches the destination log group's ARN. */
    private boolean admitsDestination(Map<String, Object> statement, Path path) {
        if (!path.grant().conditionKeys().contains(LogsContext.KEY)) {
            return true;
        }
        String group = resolved(template.resource(path.destination()).properties().get("LogGroupName"));
        String arn = "arn:aws:logs:" + stack.region() + ":" + stack.accountId() + ":log-group:" + group;
        for (Map.Entry<String, Object> operator : map(statement.get("Condition")).entrySet()) {
            Object value = map(operator.getValue()).get(LogsContext.KEY);
            if (value != null && operator.getKey().startsWith("Arn")
                    && list(value).stream().map(this::resolved).anyMatch(pattern -> glob(pattern).matcher(arn).matches())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> conditionKeys(Map<String, Object> statement) {
        Set<String> keys = new LinkedHashSet<>();
        map(statement.get("Condition")).values().forEach(operator -> keys.addAll(map(operator).keySet()));
        return keys;
    }

    private boolean policyAdmits(String destination, String policyType, String listProperty, String principal) {
        for (SamTemplate.Resource policy : policiesOf(destination, policyType, listProperty)) {
            for (Object item : list(at(policy.properties(), "PolicyDocument", "Statement").orElse(null))) {
                Map<String, Object> statement = map(item);
                boolean names = list(at(statement, "Principal", "Service").orElse(null)).stream().map(this::resolved)
                        .anyMatch(principal::equals);
                Set<String> keys = conditionKeys(statement);
                keys.removeAll(Set.of("aws:SourceArn", "aws:SourceAccount"));
                if ("Allow".equals(statement.get("Effect")) && names && keys.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<SamTemplate.Resource> policiesOf(String destination, String policyType, String listProperty) {
        return template.resources().values().stream().filter(r -> r.type().equals(policyType))
                .filter(r -> list(r.properties().get(listProperty)).stream()
                        .anyMatch(item -> referencedNames(item).contains(destination)))
                .toList();
    }

    private String resolved(Object value) {
        return stack.resolveString(value);
    }

    /** An IAM glob ({@code *}, {@code ?}) as a regular expression. */
    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
