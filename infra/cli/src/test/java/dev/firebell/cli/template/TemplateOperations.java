package dev.firebell.cli.template;

import static dev.firebell.cli.template.FunctionPermissions.referencedNames;
import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.intrinsicArgument;
import static dev.firebell.cli.template.TemplateData.intrinsicName;
import static dev.firebell.cli.template.TemplateData.isIntrinsic;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static dev.firebell.cli.template.TemplateData.refName;

import dev.firebell.alarm.OwnAlarms;
import dev.firebell.local.FunctionSpec;
import dev.firebell.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operability rules for a template: Firebell watches itself, through a channel apart from itself, and releases safely.
 * Each rule returns its findings as "file line N: where: what" lines (empty when the template follows it); what each
 * requires is said on its method. "The ops channel" is any SNS topic that no function of the template reads from,
 * is triggered by or publishes to (its environment names it): a topic Firebell itself does not depend on.
 */
final class TemplateOperations {

    static final String ALARM = "AWS::CloudWatch::Alarm";

    /** One AWS::CloudWatch::Alarm, read. */
    record Alarm(SamTemplate.Resource resource, String namespace, String metric, Map<String, Object> dimensions,
                 List<Object> actions) {

        String id() {
            return resource.logicalId();
        }

        Map<String, Object> properties() {
            return resource.properties();
        }
    }

    private final SamTemplate template;
    private final TemplateLines lines;
    private final List<Alarm> alarms = new ArrayList<>();

    TemplateOperations(SamTemplate template) {
        this.template = template;
        this.lines = new TemplateLines(template);
        for (SamTemplate.Resource resource : template.resources().values()) {
            if (resource.type().equals(ALARM)) {
                Map<String, Object> p = resource.properties();
                Map<String, Object> dimensions = new LinkedHashMap<>();
                for (Object dimension : list(p.get("Dimensions"))) {
                    dimensions.put(String.valueOf(map(dimension).get("Name")), map(dimension).get("Value"));
                }
                List<Object> actions = new ArrayList<>();
                for (String kind : List.of("AlarmActions", "OKActions", "InsufficientDataActions")) {
                    actions.addAll(list(p.get(kind)));
                }
                alarms.add(new Alarm(resource, String.valueOf(p.get("Namespace")), String.valueOf(p.get("MetricName")),
                        dimensions, actions));
            }
        }
    }

    List<Alarm> alarms() {
        return alarms;
    }

    /**
     * Every function has an alarm on its {@code Errors} and one on its {@code Throttles} (AWS/Lambda, the single
     * dimension {@code FunctionName: !Ref <function>}, so every version and alias counts), each notifying the ops
     * channel.
     */
    List<String> functionsWithoutAlarms() {
        List<String> findings = new ArrayList<>();
        for (String id : template.functionIds()) {
            for (String metric : List.of("Errors", "Throttles")) {
                boolean watched = alarms.stream().anyMatch(alarm -> alarm.namespace().equals("AWS/Lambda")
                        && alarm.metric().equals(metric) && alarm.dimensions().size() == 1
                        && refName(alarm.dimensions().get("FunctionName")).filter(id::equals).isPresent()
                        && notifiesOpsChannel(alarm));
                if (!watched) {
                    findings.add(where(id) + ": " + id + " has no alarm on its " + metric + " (AWS/Lambda, FunctionName:"
                            + " !Ref " + id + ") that notifies the ops channel");
                }
            }
        }
        return findings;
    }

    /**
     * Every queue that keeps failed events (a function's on-failure destination or dead-letter queue, an event's
     * DestinationConfig, DeadLetterConfig or RedrivePolicy, a queue's RedrivePolicy) has an alarm on
     * {@code ApproximateNumberOfMessagesVisible} reaching 1, notifying the ops channel.
     */
    List<String> failureQueuesWithoutDepthAlarms() {
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, String> queue : failureQueues().entrySet()) {
            String id = queue.getKey();
            boolean watched = alarms.stream().anyMatch(alarm -> alarm.namespace().equals("AWS/SQS")
                    && alarm.metric().equals("ApproximateNumberOfMessagesVisible")
                    && referencedNames(alarm.dimensions().get("QueueName")).contains(id)
                    && triggersOnFirstMessage(alarm) && notifiesOpsChannel(alarm));
            if (!watched) {
                findings.add(where(id) + ": " + id + " keeps failed events (" + queue.getValue() + ") but no alarm on its"
                        + " ApproximateNumberOfMessagesVisible >= 1 notifies the ops channel");
            }
        }
        return findings;
    }

    /**
     * Every topic a function publishes to (its environment names it) has an alarm on {@code NumberOfNotificationsFailed}
     * notifying the ops channel: a page SNS could not deliver is someone not woken.
     */
    List<String> topicsWithoutDeliveryAlarms() {
        List<String> findings = new ArrayList<>();
        for (String topic : topicsOfFunctions(true)) {
            boolean watched = alarms.stream().anyMatch(alarm -> alarm.namespace().equals("AWS/SNS")
                    && alarm.metric().equals("NumberOfNotificationsFailed")
                    && referencedNames(alarm.dimensions().get("TopicName")).contains(topic) && notifiesOpsChannel(alarm));
            if (!watched) {
                findings.add(where(topic) + ": functions publish to " + topic + ", but no alarm on its"
                        + " NumberOfNotificationsFailed notifies the ops channel");
            }
        }
        return findings;
    }

    /**
     * Every function run only by a schedule has a heartbeat alarm: its {@code Invocations} below 1 with
     * {@code TreatMissingData: breaching} (Lambda publishes nothing for a minute without runs), notifying the ops
     * channel. Errors alarms cannot see a schedule that stopped.
     */
    List<String> scheduledFunctionsWithoutHeartbeat() {
        List<String> findings = new ArrayList<>();
        for (String id : template.functionIds()) {
            FunctionSpec function = template.function(id);
            boolean scheduled = !function.events().isEmpty() && function.events().values().stream()
                    .allMatch(event -> Set.of("Schedule", "ScheduleV2").contains(String.valueOf(map(event).get("Type"))));
            if (!scheduled) {
                continue;
            }
            boolean watched = alarms.stream().anyMatch(alarm -> alarm.metric().equals("Invocations")
                    && refName(alarm.dimensions().get("FunctionName")).filter(id::equals).isPresent()
                    && String.valueOf(alarm.properties().get("ComparisonOperator")).startsWith("LessThan")
                    && "breaching".equals(alarm.properties().get("TreatMissingData")) && notifiesOpsChannel(alarm));
            if (!watched) {
                findings.add(where(id) + ": " + id + " runs on a schedule, but no alarm on its Invocations (LessThan,"
                        + " TreatMissingData: breaching) says when it stops running");
            }
        }
        return findings;
    }

    /**
     * Alarm actions go to the ops channel only: never to a topic or function Firebell itself depends on, which may be
     * what is failing.
     */
    List<String> alarmsNotifyingFirebell() {
        List<String> findings = new ArrayList<>();
        Set<String> firebell = new LinkedHashSet<>(topicsOfFunctions(false));
        firebell.addAll(template.functionIds());
        for (Alarm alarm : alarms) {
            for (Object action : alarm.actions()) {
                Set<String> names = referencedNames(action);
                names.retainAll(firebell);
                if (!names.isEmpty()) {
                    findings.add(where(alarm.id()) + ": " + alarm.id() + " notifies " + names + ", which Firebell's"
                            + " functions depend on: its own alarms must reach people another way");
                }
            }
        }
        return findings;
    }

    /**
     * When a function receives the account's CloudWatch alarm state changes (an EventBridge rule on
     * {@code aws.cloudwatch}), no Firebell stack's own alarm reaches it: every alarm of the template is named
     * {@code !Sub Firebell/${AWS::StackName}/...} ({@link OwnAlarms#NAME_PREFIX}, then the stack) and the rule's pattern
     * has {@code detail.alarmName: [{anything-but: {prefix: Firebell/}}]}, the prefix alone, so that it leaves out the
     * alarms of every Firebell stack of the account, not only its own (docs/adr/0093).
     */
    List<String> ownAlarmsReachingFirebell() {
        List<String> findings = new ArrayList<>();
        boolean ingests = false;
        for (String id : template.functionIds()) {
            for (Map.Entry<String, Object> event : template.function(id).events().entrySet()) {
                String type = String.valueOf(map(event.getValue()).get("Type"));
                Map<String, Object> pattern = map(at(event.getValue(), "Properties", "Pattern").orElse(null));
                if (!Set.of("EventBridgeRule", "CloudWatchEvent").contains(type)
                        || !list(pattern.get("source")).contains("aws.cloudwatch")) {
                    continue;
                }
                ingests = true;
                boolean excludesEveryStacksOwn = list(at(pattern, "detail", "alarmName").orElse(null)).stream()
                        .map(filter -> at(filter, "anything-but", "prefix").orElse(null))
                        .anyMatch(OwnAlarms.NAME_PREFIX::equals);
                if (!excludesEveryStacksOwn) {
                    findings.add(lines.at(template.resource(id).raw(), List.of("Resources", id, "Properties", "Events",
                            event.getKey())) + ": " + id + " Events." + event.getKey() + " receives Firebell's own alarms"
                            + " (its stack's and other Firebell stacks'): add detail.alarmName: [{anything-but: {prefix: "
                            + OwnAlarms.NAME_PREFIX + "}}]");
                }
            }
        }
        if (ingests) {
            for (Alarm alarm : alarms) {
                if (!String.valueOf(subText(alarm.properties().get("AlarmName")))
                        .startsWith(OwnAlarms.NAME_PREFIX + "${AWS::StackName}/")) {
                    findings.add(where(alarm.id()) + ": " + alarm.id() + " is not named !Sub " + OwnAlarms.NAME_PREFIX
                            + "${AWS::StackName}/..., so the alarm rules of Firebell stacks cannot leave it out");
                }
            }
        }
        return findings;
    }

    /**
     * Every function shifts traffic through CodeDeploy ({@code DeploymentPreference}, Globals included) and names a
     * rollback alarm: {@code Errors} of the new version through the alias, i.e. dimensions
     * {@code FunctionName: !Ref F}, {@code Resource: !Sub ${F}:<AutoPublishAlias>} and {@code ExecutedVersion} taken from
     * {@code !Ref F.Version}.
     */
    List<String> deploymentsWithoutRollbackAlarms() {
        List<String> findings = new ArrayList<>();
        for (String id : template.functionIds()) {
            FunctionSpec function = template.function(id);
            Object alias = function.properties().get("AutoPublishAlias");
            Optional<Object> preference = Optional.ofNullable(function.properties().get("DeploymentPreference"));
            if (alias == null || preference.isEmpty()) {
                findings.add(where(id) + ": " + id + " has no AutoPublishAlias and DeploymentPreference: new code takes"
                        + " all traffic at once, with nothing to roll it back");
                continue;
            }
            List<String> named = new ArrayList<>();
            list(map(preference.get()).get("Alarms")).forEach(a -> named.addAll(referencedNames(a)));
            boolean rollback = alarms.stream().filter(alarm -> named.contains(alarm.id())).anyMatch(alarm ->
                    alarm.metric().equals("Errors")
                            && refName(alarm.dimensions().get("FunctionName")).filter(id::equals).isPresent()
                            && subText(alarm.dimensions().get("Resource")).equals("${" + id + "}:" + alias)
                            && referencedNamesWithProperties(alarm.dimensions().get("ExecutedVersion"))
                            .contains(id + ".Version"));
            if (!rollback) {
                findings.add(where(id) + ": " + id + " DeploymentPreference.Alarms names no alarm on the Errors of the"
                        + " new version (FunctionName, Resource: ${" + id + "}:" + alias + ", ExecutedVersion from !Ref "
                        + id + ".Version)");
            }
        }
        return findings;
    }

    /**
     * Every function names its log group ({@code LoggingConfig.LogGroup: !Ref <an AWS::Logs::LogGroup>}) and that
     * group is not named {@code /aws/lambda/...}: Lambda creates {@code /aws/lambda/<function>} itself on the first
     * log line, which can happen before CloudFormation creates a group of that name, and the stack then fails.
     */
    List<String> logGroupsRacingLambda() {
        List<String> findings = new ArrayList<>();
        for (String id : template.functionIds()) {
            Optional<String> group = at(template.function(id).properties(), "LoggingConfig", "LogGroup")
                    .flatMap(TemplateData::refName).filter(template.resources()::containsKey);
            if (group.isEmpty()) {
                findings.add(where(id) + ": " + id + " has no LoggingConfig.LogGroup: !Ref <its log group>, so Lambda"
                        + " logs to /aws/lambda/<name>, which a stack-created group of that name can race");
                continue;
            }
            Object name = template.resource(group.get()).properties().get("LogGroupName");
            if (String.valueOf(subText(name)).startsWith("/aws/lambda/")) {
                findings.add(where(group.get()) + ": " + group.get() + " (logs of " + id + ") is named under"
                        + " /aws/lambda/, where Lambda creates groups itself: name it apart, e.g. /firebell/${AWS::StackName}/...");
            }
        }
        return findings;
    }

    // ---- helpers ----

    /** Whether every action of the alarm goes to the ops channel (and it has at least one). */
    private boolean notifiesOpsChannel(Alarm alarm) {
        List<Object> alarmActions = list(alarm.properties().get("AlarmActions"));
        if (alarmActions.isEmpty()) {
            return false;
        }
        Set<String> firebell = new LinkedHashSet<>(topicsOfFunctions(false));
        firebell.addAll(template.functionIds());
        return alarmActions.stream().allMatch(action -> {
            Set<String> names = referencedNames(action);
            return !names.isEmpty() && names.stream().noneMatch(firebell::contains) && names.stream()
                    .allMatch(name -> template.resources().containsKey(name)
                            && template.resource(name).type().equals("AWS::SNS::Topic"));
        });
    }

    private static boolean triggersOnFirstMessage(Alarm alarm) {
        Object operator = alarm.properties().get("ComparisonOperator");
        double threshold = Double.parseDouble(String.valueOf(alarm.properties().getOrDefault("Threshold", "NaN")));
        return "GreaterThanOrEqualToThreshold".equals(operator) && threshold <= 1
                || "GreaterThanThreshold".equals(operator) && threshold < 1;
    }

    /** Topics functions depend on: named in their environment, or (unless {@code publishedOnly}) triggering them. */
    private Set<String> topicsOfFunctions(boolean publishedOnly) {
        Set<String> topics = new LinkedHashSet<>();
        for (String id : template.functionIds()) {
            FunctionSpec function = template.function(id);
            function.environment().values().forEach(value -> topics.addAll(referencedNames(value)));
            if (!publishedOnly) {
                function.events().values().forEach(event -> topics.addAll(referencedNames(
                        at(event, "Properties", "Topic").orElse(null))));
            }
        }
        topics.removeIf(name -> !template.resources().containsKey(name)
                || !template.resource(name).type().equals("AWS::SNS::Topic"));
        return topics;
    }

    /** Queues that keep failed events, with what makes them one. */
    private Map<String, String> failureQueues() {
        Map<String, String> queues = new LinkedHashMap<>();
        for (String id : template.functionIds()) {
            FunctionSpec function = template.function(id);
            Map<String, Object> p = function.properties();
            at(p, "EventInvokeConfig", "DestinationConfig", "OnFailure", "Destination")
                    .ifPresent(d -> addQueues(queues, d, id + " on-failure destination"));
            at(p, "DeadLetterQueue", "TargetArn").ifPresent(d -> addQueues(queues, d, id + " dead-letter queue"));
            function.events().forEach((name, event) -> {
                Map<String, Object> properties = map(map(event).get("Properties"));
                String what = id + " Events." + name;
                at(properties, "DestinationConfig", "OnFailure", "Destination")
                        .ifPresent(d -> addQueues(queues, d, what + " on-failure destination"));
                at(properties, "DeadLetterConfig", "Arn").ifPresent(d -> addQueues(queues, d, what + " dead letters"));
                at(properties, "RedrivePolicy", "deadLetterTargetArn")
                        .ifPresent(d -> addQueues(queues, d, what + " redrive target"));
            });
        }
        for (SamTemplate.Resource queue : template.resources().values()) {
            if (queue.type().equals("AWS::SQS::Queue")) {
                at(queue.properties(), "RedrivePolicy", "deadLetterTargetArn")
                        .ifPresent(d -> addQueues(queues, d, queue.logicalId() + " dead-letter queue"));
            }
        }
        return queues;
    }

    private void addQueues(Map<String, String> queues, Object arn, String what) {
        for (String name : referencedNames(arn)) {
            if (template.resources().containsKey(name) && template.resource(name).type().equals("AWS::SQS::Queue")) {
                queues.merge(name, what, (a, b) -> a + ", " + b);
            }
        }
    }

    /** A Sub's pattern, or a literal as it is. */
    private static Object subText(Object value) {
        if (isIntrinsic(value) && intrinsicName(value).equals("Fn::Sub")) {
            Object argument = intrinsicArgument(value);
            return argument instanceof String ? argument : list(argument).get(0);
        }
        return value;
    }

    /** Like {@link FunctionPermissions#referencedNames} but keeping {@code F.Version}-style names whole. */
    private static Set<String> referencedNamesWithProperties(Object value) {
        Set<String> names = new LinkedHashSet<>();
        TemplateData.walk(value, List.of(), (node, path) -> refName(node).ifPresent(names::add));
        return names;
    }

    private String where(String logicalId) {
        return lines.at(template.resource(logicalId).raw(), List.of("Resources", logicalId));
    }
}
