package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The inline policies of one {@code AWS::IAM::Role} of a template, with their resources resolved for one stack: does
 * it allow an action on an ARN? Allow statements only (these roles have no Deny); a statement's {@code Condition} is
 * taken to hold, since each names the purpose it serves (the service a role is passed to, the key used through
 * DynamoDB, the functions a mapping is created for).
 */
final class RolePolicy {

    /** An Allow statement: its Sid, actions, and resources resolved to ARNs with IAM wildcards. */
    record Statement(String sid, List<String> actions, List<String> resources, boolean conditioned) {

        boolean allows(String action, String arn) {
            return actions.stream().anyMatch(pattern -> wildcard(pattern, true).matcher(action).matches())
                    && resources.stream().anyMatch(pattern -> wildcard(pattern, false).matcher(arn).matches());
        }
    }

    private final String role;
    private final List<Statement> statements = new ArrayList<>();

    RolePolicy(StackArns stack, String role) {
        this.role = role;
        for (Object policy : list(stack.template().resource(role).properties().get("Policies"))) {
            for (Object item : list(at(policy, "PolicyDocument", "Statement").orElse(null))) {
                Map<String, Object> statement = map(item);
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                statements.add(new Statement(String.valueOf(statement.get("Sid")),
                        list(statement.get("Action")).stream().map(String::valueOf).toList(),
                        list(statement.get("Resource")).stream().map(stack::resolve).toList(),
                        statement.containsKey("Condition")));
            }
        }
    }

    String role() {
        return role;
    }

    List<Statement> statements() {
        return statements;
    }

    /** The first statement allowing the action on the ARN. */
    Optional<Statement> allowing(String action, String arn) {
        return statements.stream().filter(s -> s.allows(action, arn)).findFirst();
    }

    /** An IAM pattern ({@code *}, {@code ?}) as a regex; actions compare without case, ARNs with it. */
    static Pattern wildcard(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
