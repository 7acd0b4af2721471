package dev.firebell.local;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Recognises intrinsic functions in template data and prints them back the way they are written in YAML. */
final class Intrinsics {

    private Intrinsics() {
    }

    /** A one-entry map whose key is {@code Ref}, {@code Condition} or {@code Fn::*}. */
    static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return "Ref".equals(key) || "Condition".equals(key) || key instanceof String name && name.startsWith("Fn::");
    }

    /** {@code !GetAtt FirebellKey.Arn}, {@code !Sub 'arn:${AWS::Partition}:...'}: what the template author wrote. */
    static String render(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (isIntrinsic(map)) {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                String name = ((String) entry.getKey()).replace("Fn::", "");
                Object argument = entry.getValue();
                if ("GetAtt".equals(name) && argument instanceof List<?> list && list.size() == 2
                        && list.get(0) instanceof String resource && list.get(1) instanceof String attribute) {
                    return "!GetAtt " + resource + "." + attribute;
                }
                return "!" + name + " " + render(argument);
            }
            return map.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + render(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Intrinsics::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof String string && (string.isEmpty() || string.contains(" ") || string.contains("${"))) {
            return "'" + string + "'";
        }
        return String.valueOf(value);
    }
}
