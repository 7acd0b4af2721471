package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;

import dev.firebell.aws.Json;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What CloudFormation's resource handlers do with the deploy role, per resource of a stack, checked against a role.
 *
 * <p>Each resource type's handlers list the actions they may call ({@code cloudformation-handler-permissions.json}, from
 * the registry schemas). A stack operation calls the create, read, update and delete handlers (the list handler serves
 * Cloud Control's ListResources, never a stack), so those are the ones checked. Each action is authorized against:
 * <ul>
 *   <li>{@code '*'}, when IAM has no resource type for it ({@link IamResourceTypes});</li>
 *   <li>the resource itself, when the action's resource types include its kind (a mapping's {@code TagResource});</li>
 *   <li>otherwise what the resource names outside the stack (a function's code object, a deployment group's
 *       configuration), and failing that the resources of the stack it refers to (a function's role, passed to Lambda).
 *       An action on a kind of resource it names none of (a key, for a function without {@code KmsKeyArn}) is not
 *       called: nothing to check.</li>
 * </ul>
 * Handler actions the role deliberately does not grant are listed, each with the properties that would need it and why,
 * in {@code deploy-role-not-granted.json}; {@link #exclusionProblems} keeps that list true.
 */
final class HandlerPermissions {

    static final List<String> STACK_HANDLERS = List.of("create", "read", "update", "delete");

    /** A handler action the role does not grant on purpose. */
    record NotGranted(String type, List<String> actions, List<String> onlyWith, String why) {
    }

    /** What one handler of one resource needs: an action on an ARN ('*' when IAM scopes it to nothing). */
    record Need(String type, String logicalId, String handler, String action, String arn) {
    }

    private final Map<String, Map<String, List<String>>> handlers = new TreeMap<>();
    private final List<NotGranted> notGranted = new ArrayList<>();
    private final IamResourceTypes iam;

    HandlerPermissions(IamResourceTypes iam) {
        this.iam = iam;
        Map<String, Object> vendored = resource("cloudformation-handler-permissions.json");
        map(vendored.get("types")).forEach((type, entry) -> {
            Map<String, List<String>> byHandler = new LinkedHashMap<>();
            map(map(entry).get("handlers")).forEach((handler, actions) ->
                    byHandler.put(handler, list(actions).stream().map(String::valueOf).toList()));
            handlers.put(type, byHandler);
        });
        for (Object item : list(resource("deploy-role-not-granted.json").get("notGranted"))) {
            Map<String, Object> entry = map(item);
            notGranted.add(new NotGranted(String.valueOf(entry.get("type")),
                    list(entry.get("actions")).stream().map(String::valueOf).toList(),
                    list(entry.get("onlyWith")).stream().map(String::valueOf).toList(),
                    entry.get("why") instanceof String why ? why.strip() : ""));
        }
    }

    Set<String> vendoredTypes() {
        return handlers.keySet();
    }

    List<NotGranted> notGranted() {
        return notGranted;
    }

    /** Every action the stack's resources' handlers need, where IAM checks it. */
    List<Need> needs(StackArns stack) {
        List<Need> needs = new ArrayList<>();
        for (SamTemplate.Resource resource : stack.template().resources().values()) {
            if (!stack.exists(resource.logicalId())) {
                continue;
            }
            Map<String, List<String>> byHandler = handlers.get(resource.type());
            if (byHandler == null) {
                throw new IllegalStateException(resource.type() + " (" + resource.logicalId() + ") has no handler"
                        + " permissions in cloudformation-handler-permissions.json: add them from its registry schema");
            }
            for (String handler : STACK_HANDLERS) {
                for (String action : byHandler.getOrDefault(handler, List.of())) {
                    if (isNotGranted(resource.type(), action)) {
                        continue;
                    }
                    for (String arn : arns(stack, resource, action)) {
                        needs.add(new Need(resource.type(), resource.logicalId(), handler, action, arn));
                    }
                }
            }
        }
        return needs;
    }

    /** Needs the role does not grant, one line each: type, resource, handlers, action, ARN. */
    List<String> missing(StackArns stack, RolePolicy role) {
        Map<String, Set<String>> handlersByGap = new TreeMap<>();
        for (Need need : needs(stack)) {
            if (role.allowing(need.action(), need.arn()).isEmpty()) {
                String gap = need.type() + " " + need.logicalId() + ": " + need.action() + " on " + need.arn();
                handlersByGap.computeIfAbsent(gap, g -> new TreeSet<>()).add(need.handler());
            }
        }
        List<String> lines = new ArrayList<>();
        handlersByGap.forEach((gap, byHandlers) -> lines.add(gap.replaceFirst(": ", " (" + String.join("/", byHandlers)
                + " handler): needs ") + ", which " + role.role() + " of stack " + stack.stackName() + " does not grant"));
        return lines;
    }

    /**
     * What keeps the not-granted list honest: each entry names actions its type's handlers list, and no resource of
     * that type in the stack sets a property that would need them.
     */
    List<String> exclusionProblems(StackArns stack) {
        List<String> problems = new ArrayList<>();
        for (NotGranted entry : notGranted) {
            Set<String> listed = new LinkedHashSet<>();
            STACK_HANDLERS.forEach(h -> listed.addAll(handlers.getOrDefault(entry.type(), Map.of()).getOrDefault(h,
                    List.of())));
            entry.actions().stream().filter(a -> !listed.contains(a)).forEach(a -> problems.add(entry.type()
                    + ": deploy-role-not-granted.json names " + a + ", which no stack handler of the type lists"));
            if (entry.why().isEmpty()) {
                problems.add(entry.type() + " " + entry.actions() + ": not granted without saying why");
            }
            for (SamTemplate.Resource resource : stack.template().resources().values()) {
                if (!resource.type().equals(entry.type())) {
                    continue;
                }
                entry.onlyWith().stream().filter(condition -> needs(stack, resource, condition)).forEach(condition ->
                        problems.add(resource.type() + " " + resource.logicalId() + " sets " + condition + ", so its"
                                + " handlers need " + entry.actions() + ", which deploy-role-not-granted.json keeps from"
                                + " the deploy role: grant them, and remove the entry"));
            }
        }
        return problems;
    }

    /** {@code Property} holds when the resource sets it; {@code Property!=value} when it is absent or has another value. */
    private static boolean needs(StackArns stack, SamTemplate.Resource resource, String condition) {
        int unequal = condition.indexOf("!=");
        if (unequal < 0) {
            return resource.properties().containsKey(condition);
        }
        Object value = resource.properties().get(condition.substring(0, unequal));
        return value == null || !condition.substring(unequal + 2).equals(stack.resolve(value));
    }

    private boolean isNotGranted(String type, String action) {
        return notGranted.stream().anyMatch(e -> e.type().equals(type) && e.actions().contains(action));
    }

    /** Where IAM checks the action when this resource's handler calls it (none: not called for this resource). */
    private List<String> arns(StackArns stack, SamTemplate.Resource resource, String action) {
        Optional<List<Pattern>> patterns = iam.arnPatterns(action);
        if (patterns.isEmpty()) {
            return List.of(); // not an IAM action (an API name the handler lists): no policy can grant or need it
        }
        if (patterns.get().isEmpty()) {
            return List.of("*");
        }
        List<String> own = matching(stack.ownArns(resource.logicalId()), patterns.get());
        if (!own.isEmpty()) {
            return own;
        }
        List<String> external = matching(stack.externalArns(resource.logicalId()), patterns.get());
        if (!external.isEmpty()) {
            return external;
        }
        Set<String> named = new LinkedHashSet<>();
        for (String id : stack.referencedIds(resource.raw())) {
            if (stack.exists(id)) {
                named.addAll(stack.ownArns(id));
                named.addAll(stack.externalArns(id));
            }
        }
        return matching(List.copyOf(named), patterns.get());
    }

    private static List<String> matching(List<String> arns, List<Pattern> patterns) {
        return arns.stream().filter(arn -> patterns.stream().anyMatch(p -> p.matcher(arn).matches())).distinct().toList();
    }

    private static Map<String, Object> resource(String name) {
        try (InputStream in = HandlerPermissions.class.getResourceAsStream("/template/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource template/" + name);
            }
            return Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
