package dev.firebell.local;

import dev.firebell.local.SamTemplate.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Resources whose names an account holds once, whichever stack created them: KMS key aliases and log groups, and the
 * KMS keys the aliases point at. Each is tagged with the stack that created it, so that provisioning that stack again
 * keeps it, while another stack claiming the same name fails the way a CloudFormation create fails ("already
 * exists"). Two stacks of one template in one emulator then show what they would do in one account.
 *
 * <p>Not emulated: encryption (the keys encrypt nothing; tables, topics and queues are created unencrypted), key
 * policies, and what is logged. CloudWatch alarms, whose names an account also holds once, are not created: this SDK
 * speaks CloudWatch's Smithy RPC v2 CBOR protocol, which moto does not serve.
 */
final class KeysAndLogGroups {

    static final String KEY = "AWS::KMS::Key";
    static final String ALIAS = "AWS::KMS::Alias";
    static final String LOG_GROUP = "AWS::Logs::LogGroup";
    static final Set<String> TYPES = Set.of(KEY, ALIAS, LOG_GROUP);

    /** The stack that created a resource (CloudFormation's own aws:cloudformation:stack-name is reserved to it). */
    static final String STACK_TAG = "firebell-local:stack";
    private static final String LOGICAL_ID_TAG = "firebell-local:logical-id";

    private final LocalStack stack;
    private final LocalResources resources;
    private final Provisioner provisioner;

    KeysAndLogGroups(LocalStack stack, LocalResources resources, Provisioner provisioner) {
        this.stack = stack;
        this.resources = resources;
        this.provisioner = provisioner;
    }

    // ---- KMS ----

    /** A key has no name: this stack's key of that logical id is found again by its tags. */
    void key(Resource resource) {
        KmsClient kms = stack.kms();
        String id = resource.logicalId();
        String keyId = existingKey(id).orElseGet(() -> {
            String description = provisioner.optionalString(provisioner.property(resource, "Description"), resource,
                    "Description");
            return kms.createKey(b -> b.description(description == null ? "" : description).tags(
                    tag(STACK_TAG, resources.stackName()), tag(LOGICAL_ID_TAG, id))).keyMetadata().keyId();
        });
        String arn = kms.describeKey(b -> b.keyId(keyId)).keyMetadata().arn();
        resources.created(id, KEY, keyId, Map.of("Arn", () -> arn, "KeyId", () -> keyId));
    }

    void alias(Resource resource) {
        KmsClient kms = stack.kms();
        String name = provisioner.string(provisioner.property(resource, "AliasName"), resource, "AliasName");
        String target = provisioner.string(provisioner.property(resource, "TargetKeyId"), resource, "TargetKeyId");
        try {
            kms.createAlias(b -> b.aliasName(name).targetKeyId(target));
        } catch (AlreadyExistsException taken) {
            String owner = kms.listAliasesPaginator(b -> { }).aliases().stream()
                    .filter(alias -> alias.aliasName().equals(name)).findFirst()
                    .map(alias -> keyTags(alias.targetKeyId()).get(STACK_TAG)).orElse(null);
            requireOwnedByThisStack(resource, "the key alias " + name, owner);
            kms.updateAlias(b -> b.aliasName(name).targetKeyId(target));
        }
        resources.created(resource.logicalId(), ALIAS, name, Map.of());
    }

    private Optional<String> existingKey(String logicalId) {
        for (KeyListEntry key : stack.kms().listKeysPaginator(b -> { }).keys()) {
            Map<String, String> tags = keyTags(key.keyId());
            if (resources.stackName().equals(tags.get(STACK_TAG)) && logicalId.equals(tags.get(LOGICAL_ID_TAG))) {
                return Optional.of(key.keyId());
            }
        }
        return Optional.empty();
    }

    private Map<String, String> keyTags(String keyId) {
        Map<String, String> tags = new HashMap<>();
        stack.kms().listResourceTags(b -> b.keyId(keyId)).tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        return tags;
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    // ---- CloudWatch Logs ----

    void logGroup(Resource resource) {
        CloudWatchLogsClient logs = stack.logs();
        String name = provisioner.physicalName(resource, "LogGroupName", provisioner.generatedName(resource, 512, ""));
        try {
            logs.createLogGroup(b -> b.logGroupName(name).tags(Map.of(STACK_TAG, resources.stackName())));
        } catch (ResourceAlreadyExistsException taken) {
            String owner = logs.listTagsForResource(b -> b.resourceArn(logGroupArn(name).replaceAll(":\\*$", "")))
                    .tags().get(STACK_TAG);
            requireOwnedByThisStack(resource, "the log group " + name, owner);
        }
        String retention = provisioner.optionalString(provisioner.property(resource, "RetentionInDays"), resource,
                "RetentionInDays");
        if (retention != null) {
            logs.putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(Integer.valueOf(retention)));
        }
        String arn = logGroupArn(name);
        resources.created(resource.logicalId(), LOG_GROUP, name, Map.of("Arn", () -> arn));
    }

    /** As CloudFormation's GetAtt gives it: the group's ARN ending in ":*". */
    private String logGroupArn(String name) {
        return stack.logs().describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups().stream()
                .filter(group -> group.logGroupName().equals(name)).findFirst().orElseThrow().arn();
    }

    // ---- ownership ----

    private void requireOwnedByThisStack(Resource resource, String what, String owner) {
        if (!resources.stackName().equals(owner)) {
            throw new ProvisioningException(resource.logicalId() + " (" + resource.type() + ", "
                    + resources.template().where(resource.raw()) + "): " + what + " already exists in this account and"
                    + " region, created by " + (owner == null ? "something outside the local stack" : "stack " + owner)
                    + ": a CloudFormation create of stack " + resources.stackName() + " fails the same way. Name it"
                    + " after the stack (${AWS::StackName}), not after a parameter two stacks can share.");
        }
    }
}
