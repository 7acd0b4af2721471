package dev.firebell.cli.template;

import static dev.firebell.cli.template.FunctionPermissions.referencedNames;

import dev.firebell.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stack keeps when it is deleted, or when an update replaces a resource: what is kept stays readable, and
 * nothing kept stops the stack from being created again (docs/adr/0094). Each rule returns "file line N: where: what"
 * findings, empty when the template follows it.
 */
final class TemplateRetention {

    static final String KEY = "AWS::KMS::Key";
    private static final String ALIAS = "AWS::KMS::Alias";

    /**
     * How much a deletion policy keeps: Delete nothing, RetainExceptOnCreate all but what a failed create made, Retain
     * and Snapshot everything (a snapshot is data too, encrypted with the same key).
     */
    private static final Map<String, Integer> KEEPS = Map.of("Delete", 0, "RetainExceptOnCreate", 1, "Retain", 2,
            "Snapshot", 2);

    private final SamTemplate template;
    private final TemplateLines lines;

    TemplateRetention(SamTemplate template) {
        this.template = template;
        this.lines = new TemplateLines(template);
    }

    /**
     * A resource whose deletion keeps it keeps it on replacement too, and the other way round: an update that replaces
     * the table or its key must not delete what a stack deletion would have kept. (UpdateReplacePolicy has no
     * RetainExceptOnCreate: Retain matches it.)
     */
    List<String> replacementPolicyDiffersFromDeletion() {
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource resource : template.resources().values()) {
            boolean keptOnDelete = keeps(deletionPolicy(resource)) > 0;
            boolean keptOnReplace = keeps(replacePolicy(resource)) > 0;
            if (keptOnDelete != keptOnReplace) {
                findings.add(where(resource) + ": " + resource.logicalId() + " has DeletionPolicy " + deletionPolicy(resource)
                        + " but UpdateReplacePolicy " + replacePolicy(resource) + ": a replacement would "
                        + (keptOnDelete ? "delete what deleting the stack keeps" : "keep what deleting the stack deletes"));
            }
        }
        return findings;
    }

    /**
     * Every KMS key of the template that encrypts a kept resource (named anywhere in its properties, or through an alias
     * of the template) is kept whenever that resource is, on deletion and on replacement: a kept table whose key is
     * scheduled for deletion becomes inaccessible and is archived, and kept objects cannot be read.
     */
    List<String> keptDataWithKeysNotKept() {
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource resource : template.resources().values()) {
            if (resource.type().equals(KEY) || keeps(deletionPolicy(resource)) == 0 && keeps(replacePolicy(resource)) == 0) {
                continue;
            }
            for (String keyId : keysOf(resource)) {
                SamTemplate.Resource key = template.resource(keyId);
                if (keeps(deletionPolicy(key)) < keeps(deletionPolicy(resource))
                        || keeps(replacePolicy(key)) < keeps(replacePolicy(resource))) {
                    findings.add(where(key) + ": " + keyId + " encrypts " + resource.logicalId() + ", which is kept"
                            + " (DeletionPolicy " + deletionPolicy(resource) + ", UpdateReplacePolicy "
                            + replacePolicy(resource) + "), but the key is not (DeletionPolicy " + deletionPolicy(key)
                            + ", UpdateReplacePolicy " + replacePolicy(key) + "): kept data nobody can read");
                }
            }
        }
        return findings;
    }

    /**
     * A kept resource has no fixed physical name: after the stack is deleted (or its first create rolls back) it still
     * holds that name, and creating the stack again fails on it ("already exists"). Names CloudFormation generates
     * differ on every create.
     */
    List<String> keptResourcesWithFixedNames() {
        List<String> findings = new ArrayList<>();
        for (SamTemplate.Resource resource : template.resources().values()) {
            String property = TemplateNames.NAME_PROPERTIES.get(resource.type());
            if (keeps(deletionPolicy(resource)) > 0 && property != null && resource.properties().get(property) != null) {
                findings.add(lines.at(resource.raw(), List.of("Resources", resource.logicalId(), "Properties", property))
                        + ": " + resource.logicalId() + " is kept when the stack goes, with its " + property + ": creating"
                        + " the stack again fails, the name being taken; let CloudFormation name it");
            }
        }
        return findings;
    }

    /** The template's keys a resource names, directly or through one of the template's aliases. */
    private Set<String> keysOf(SamTemplate.Resource resource) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : referencedNames(resource.properties())) {
            SamTemplate.Resource referenced = template.resources().get(name);
            if (referenced == null) {
                continue;
            }
            if (referenced.type().equals(KEY)) {
                keys.add(name);
            } else if (referenced.type().equals(ALIAS)) {
                referencedNames(referenced.properties().get("TargetKeyId")).stream()
                        .filter(target -> template.resources().containsKey(target)
                                && template.resource(target).type().equals(KEY))
                        .forEach(keys::add);
            }
        }
        return keys;
    }

    private static String deletionPolicy(SamTemplate.Resource resource) {
        return String.valueOf(resource.raw().getOrDefault("DeletionPolicy", "Delete"));
    }

    private static String replacePolicy(SamTemplate.Resource resource) {
        return String.valueOf(resource.raw().getOrDefault("UpdateReplacePolicy", "Delete"));
    }

    private static int keeps(String policy) {
        return KEEPS.getOrDefault(policy, 0);
    }

    private String where(SamTemplate.Resource resource) {
        return lines.at(resource.raw(), List.of("Resources", resource.logicalId()));
    }
}
