package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which resources IAM authorizes an action against, from the Service Authorization Reference as cfn-lint bundles it
 * ({@link CfnTools#iamDefinitions()}): the ARN formats of the action's resource types. An action with no resource type
 * is authorized only by {@code Resource: '*'}, as that reference says.
 */
final class IamResourceTypes {

    private final Map<String, Object> services;

    IamResourceTypes(Map<String, Object> services) {
        this.services = services;
    }

    static IamResourceTypes bundled() {
        return new IamResourceTypes(CfnTools.iamDefinitions());
    }

    /**
     * The ARN patterns of the action's resource types (empty: it takes only {@code '*'}); empty when IAM has no such
     * action (a handler may list an API name that is not an action, such as {@code s3:DeleteBucketCors}).
     */
    Optional<List<Pattern>> arnPatterns(String action) {
        String[] parts = action.split(":", 2);
        Map<String, Object> service = map(services.get(parts[0].toLowerCase(Locale.ROOT)));
        Object definition = map(service.get("Actions")).get(parts[1].toLowerCase(Locale.ROOT));
        if (definition == null) {
            return Optional.empty();
        }
        Map<String, Object> resourceTypes = map(service.get("Resources"));
        List<Pattern> patterns = new ArrayList<>();
        for (Object type : list(map(definition).get("Resources"))) {
            resourceTypes.forEach((name, resource) -> {
                if (name.equalsIgnoreCase(String.valueOf(type))) {
                    list(map(resource).get("ARNFormats")).forEach(format -> patterns.add(Pattern.compile(
                            String.valueOf(format).replace("${Partition}", StackArns.PARTITION)
                                    .replace("${Region}", StackArns.REGION).replace("${Account}", StackArns.ACCOUNT))));
                }
            });
        }
        return Optional.of(patterns);
    }

    /** Whether IAM authorizes the action only on {@code Resource: '*'}. */
    boolean takesOnlyEverything(String action) {
        return arnPatterns(action).map(List::isEmpty).orElse(false);
    }
}
