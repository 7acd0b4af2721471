package dev.firebell.cli.template;

import dev.firebell.cli.template.AwsCallGraph.Result;
import dev.firebell.cli.template.AwsCallGraph.SdkCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The IAM actions an AWS SDK call needs: {@code DynamoDbClient.putItem} needs {@code dynamodb:PutItem}. Most operations
 * are authorised by the action of the same name; the exceptions are listed here, each with AWS's reason, and some
 * depend on how the request is built, which the call graph also records (the builder methods the code calls).
 */
final class IamActions {

    /** Methods of SDK clients that are not API operations. */
    static final Set<String> NOT_OPERATIONS = Set.of("builder", "create", "close", "serviceName",
            "serviceClientConfiguration", "utilities", "waiter");

    /** IAM service prefixes, by SDK service package, where they differ or to say they are known. */
    static final Map<String, String> PREFIXES = Map.ofEntries(Map.entry("dynamodb", "dynamodb"), Map.entry("sns", "sns"),
            Map.entry("sqs", "sqs"), Map.entry("s3", "s3"), Map.entry("ssm", "ssm"), Map.entry("lambda", "lambda"),
            Map.entry("secretsmanager", "secretsmanager"), Map.entry("cloudwatch", "cloudwatch"),
            Map.entry("scheduler", "scheduler"), Map.entry("eventbridge", "events"), Map.entry("kms", "kms"));

    /** DynamoDB authorises each item of a transaction by the action of its kind; there is no TransactWriteItems action. */
    private static final Map<String, String> TRANSACT_ITEMS = Map.of("put", "dynamodb:PutItem", "update",
            "dynamodb:UpdateItem", "delete", "dynamodb:DeleteItem", "conditionCheck", "dynamodb:ConditionCheckItem");

    private IamActions() {
    }

    /** One action a call needs, and why (for messages). */
    record Needed(String action, String why) {
    }

    /**
     * The actions one client call needs, given everything else the same code calls (request builders).
     *
     * @throws IllegalStateException for an SDK service this table does not know, so a new one is a decision, not a guess
     */
    static List<Needed> of(SdkCall call, String calledBy, Result everything) {
        List<Needed> needed = new ArrayList<>();
        if (!call.onClient() || NOT_OPERATIONS.contains(call.name())) {
            return needed;
        }
        String prefix = PREFIXES.get(call.servicePackage());
        if (prefix == null) {
            throw new IllegalStateException(call + " (called by " + calledBy + "): SDK service '" + call.servicePackage()
                    + "' is not in IamActions.PREFIXES; add it with its IAM prefix and any actions that differ");
        }
        String operation = operation(call.name());
        String because = call + ", called by " + calledBy;
        switch (prefix + ":" + operation) {
            case "dynamodb:TransactWriteItems" -> {
                TRANSACT_ITEMS.forEach((builderMethod, action) -> {
                    if (everything.calls("TransactWriteItem$Builder", builderMethod)) {
                        needed.add(new Needed(action, because + " with " + builderMethod + " items"));
                    }
                });
                if (needed.isEmpty()) {
                    throw new IllegalStateException(because + ": no TransactWriteItem.Builder put/update/delete/"
                            + "conditionCheck call found, so the items' actions cannot be told");
                }
            }
            case "dynamodb:TransactGetItems" -> needed.add(new Needed("dynamodb:GetItem", because));
            case "lambda:Invoke" -> needed.add(new Needed("lambda:InvokeFunction", because));
            case "s3:HeadObject", "s3:GetObject" -> {
                needed.add(new Needed("s3:GetObject", because));
                versioned(needed, everything, call.name(), "s3:GetObjectVersion", because);
                // Without it S3 answers a missing key with 403 AccessDenied, not 404: the code could not tell.
                needed.add(new Needed("s3:ListBucket", because + " (so that a missing object is a 404, not a 403)"));
            }
            case "s3:GetObjectTagging" -> {
                needed.add(new Needed("s3:GetObjectTagging", because));
                versioned(needed, everything, call.name(), "s3:GetObjectVersionTagging", because);
            }
            case "s3:PutObjectTagging" -> {
                needed.add(new Needed("s3:PutObjectTagging", because));
                versioned(needed, everything, call.name(), "s3:PutObjectVersionTagging", because);
            }
            case "s3:ListObjectVersions" -> needed.add(new Needed("s3:ListBucketVersions", because));
            case "s3:ListObjectsV2", "s3:ListObjects" -> needed.add(new Needed("s3:ListBucket", because));
            case "ssm:GetParameter" -> {
                needed.add(new Needed("ssm:GetParameter", because));
                if (everything.calls("GetParameterRequest$Builder", "withDecryption")) {
                    // The SecureString's key is the operator's (aws/ssm by default), so the grant names no key of the
                    // template; FunctionPermissions requires it to be conditioned on kms:ViaService.
                    needed.add(new Needed("kms:Decrypt", because + " withDecryption (a SecureString under a customer key)"));
                }
            }
            default -> needed.add(new Needed(prefix + ":" + operation, because));
        }
        return needed;
    }

    /** The version-specific action too, when the code sets a version id on this request. */
    private static void versioned(List<Needed> needed, Result everything, String method, String action, String because) {
        // getObjectAsBytes builds a GetObjectRequest: the operation names the builder, not the method.
        String builder = operation(method) + "Request$Builder";
        if (everything.calls(builder, "versionId")) {
            needed.add(new Needed(action, because + " with a versionId"));
        }
    }

    /** {@code queryPaginator} is {@code Query}; {@code getObjectAsBytes} is {@code GetObject}. */
    static String operation(String method) {
        String name = method;
        for (String suffix : List.of("Paginator", "AsBytes")) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** Every action the client calls of a handler's code need, each with its reasons. */
    static Map<String, List<String>> forCode(Result result) {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        result.clientCalls().forEach((call, by) -> of(call, by, result).forEach(needed ->
                actions.computeIfAbsent(needed.action(), a -> new ArrayList<>()).add(needed.why())));
        return actions;
    }
}
