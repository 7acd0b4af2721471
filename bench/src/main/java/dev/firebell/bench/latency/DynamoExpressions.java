package dev.firebell.bench.latency;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DynamoDB's expression language for {@link CannedHttpClient}: conditions (condition, key condition and filter
 * expressions: {@code = <> < <= > >= BETWEEN IN AND OR NOT}, {@code attribute_exists}, {@code attribute_not_exists},
 * {@code begins_with}, {@code contains}, {@code size}) and update expressions ({@code SET} with {@code +}, {@code -},
 * {@code list_append} and {@code if_not_exists}; {@code ADD} of numbers; {@code REMOVE}), over top-level
 * attributes of items in the wire format ({@code {"S":"..."}}, {@code {"N":"..."}}, ...). Anything else (nested
 * paths, sets in updates, other functions) fails loudly: the model must never answer what DynamoDB would not. Parsed expressions are
 * kept, so each request pays for evaluation only.
 */
final class DynamoExpressions {

    /** The placeholders of one request: {@code #name} to attribute name, {@code :value} to attribute value. */
    record Placeholders(Map<String, Object> names, Map<String, Object> values) {

        String name(String token) {
            if (!token.startsWith("#")) {
                return token;
            }
            Object name = names == null ? null : names.get(token);
            if (!(name instanceof String s)) {
                throw new IllegalStateException("no ExpressionAttributeNames entry for " + token);
            }
            return s;
        }

        Object value(String token) {
            Object value = values == null ? null : values.get(token);
            if (value == null) {
                throw new IllegalStateException("no ExpressionAttributeValues entry for " + token);
            }
            return value;
        }
    }

    interface Condition {
        boolean test(Map<String, Object> item, Placeholders p);
    }

    /** Applies the expression to a copy of the item; the names of the attributes it set or added go to {@code updated}. */
    interface Update {
        Map<String, Object> apply(Map<String, Object> item, Placeholders p, Set<String> updated);
    }

    /** A value inside an expression: an attribute of the item (null when it has none), a placeholder, a function. */
    private interface Operand {
        Object value(Map<String, Object> item, Placeholders p);
    }

    private static final Map<String, Condition> CONDITIONS = new ConcurrentHashMap<>();
    private static final Map<String, Update> UPDATES = new ConcurrentHashMap<>();

    private DynamoExpressions() {
    }

    static Condition condition(String expression) {
        return CONDITIONS.computeIfAbsent(expression, e -> {
            Parser parser = new Parser(e);
            Condition c = parser.or();
            parser.end();
            return c;
        });
    }

    static Update update(String expression) {
        return UPDATES.computeIfAbsent(expression, e -> new Parser(e).update());
    }

    /** The ordering DynamoDB uses for sort keys and comparisons: numbers by value, strings and binaries by code. */
    static int compare(Object a, Object b) {
        String type = type(a);
        if (!type.equals(type(b))) {
            throw new IllegalStateException("comparing " + type + " with " + type(b));
        }
        Object x = scalar(a);
        Object y = scalar(b);
        return switch (type) {
            case "N" -> new BigDecimal((String) x).compareTo(new BigDecimal((String) y));
            case "S", "B" -> ((String) x).compareTo((String) y);
            default -> throw new IllegalStateException("no ordering of " + type + " values");
        };
    }

    static boolean equal(Object a, Object b) {
        if (a == null || b == null || !type(a).equals(type(b))) {
            return false;
        }
        return "N".equals(type(a)) ? compare(a, b) == 0 : a.equals(b);
    }

    static Object number(BigDecimal n) {
        return Map.of("N", n.toPlainString());
    }

    @SuppressWarnings("unchecked")
    private static String type(Object attributeValue) {
        return ((Map<String, Object>) attributeValue).keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Object scalar(Object attributeValue) {
        return ((Map<String, Object>) attributeValue).values().iterator().next();
    }

    private static boolean comparable(Object a, Object b) {
        return a != null && b != null && type(a).equals(type(b)) && Set.of("N", "S", "B").contains(type(a));
    }

    private static Object size(Object value) {
        if (value == null) {
            return null;
        }
        Object v = scalar(value);
        int n = switch (type(value)) {
            case "S" -> ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            case "B" -> java.util.Base64.getDecoder().decode((String) v).length;
            case "L", "SS", "NS", "BS" -> ((List<?>) v).size();
            case "M" -> ((Map<?, ?>) v).size();
            default -> throw new IllegalStateException("size() of a " + type(value));
        };
        return number(BigDecimal.valueOf(n));
    }

    private static boolean contains(Object haystack, Object needle) {
        if (haystack == null || needle == null) {
            return false;
        }
        Object h = scalar(haystack);
        return switch (type(haystack)) {
            case "S" -> "S".equals(type(needle)) && ((String) h).contains((String) scalar(needle));
            case "SS", "NS", "BS" -> ((List<?>) h).stream().anyMatch(e -> equal(Map.of(type(haystack).substring(0, 1), e), needle));
            case "L" -> ((List<?>) h).stream().anyMatch(e -> equal(e, needle));
            default -> false;
        };
    }

    /** Recursive descent over the tokens of one expression. */
    private static final class Parser {

        private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

        private final String source;
        private final List<String> tokens = new ArrayList<>();
        private int at;

        Parser(String source) {
            this.source = source;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                int j = i + 1;
                if (Character.isWhitespace(c)) {
                    i = j;
                    continue;
                }
                if (c == '<' || c == '>') {
                    if (j < source.length() && (source.charAt(j) == '=' || c == '<' && source.charAt(j) == '>')) {
                        j++;
                    }
                } else if ("(),=+-".indexOf(c) < 0) {
                    j = i;
                    while (j < source.length() && (Character.isLetterOrDigit(source.charAt(j))
                            || "_#:.[]".indexOf(source.charAt(j)) >= 0)) {
                        j++;
                    }
                    if (j == i) {
                        throw unsupported("character '" + c + "'");
                    }
                }
                tokens.add(source.substring(i, j));
                i = j;
            }
        }

        // ------------------------------------------------------------ conditions

        Condition or() {
            Condition left = and();
            while (keyword("OR")) {
                Condition l = left;
                Condition r = and();
                left = (item, p) -> l.test(item, p) || r.test(item, p);
            }
            return left;
        }

        private Condition and() {
            Condition left = not();
            while (keyword("AND")) {
                Condition l = left;
                Condition r = not();
                left = (item, p) -> l.test(item, p) && r.test(item, p);
            }
            return left;
        }

        private Condition not() {
            if (keyword("NOT")) {
                Condition c = not();
                return (item, p) -> !c.test(item, p);
            }
            return primary();
        }

        private Condition primary() {
            if (keyword("(")) {
                Condition c = or();
                expect(")");
                return c;
            }
            String word = peek();
            if ("attribute_exists".equals(word) || "attribute_not_exists".equals(word)) {
                next();
                expect("(");
                String path = path(next());
                expect(")");
                boolean exists = "attribute_exists".equals(word);
                return (item, p) -> (item != null && item.containsKey(p.name(path))) == exists;
            }
            if ("begins_with".equals(word) || "contains".equals(word)) {
                next();
                expect("(");
                Operand of = operand();
                expect(",");
                Operand what = operand();
                expect(")");
                if ("contains".equals(word)) {
                    return (item, p) -> contains(of.value(item, p), what.value(item, p));
                }
                return (item, p) -> {
                    Object v = of.value(item, p);
                    Object prefix = what.value(item, p);
                    return v != null && "S".equals(type(v)) && "S".equals(type(prefix))
                            && ((String) scalar(v)).startsWith((String) scalar(prefix));
                };
            }
            Operand left = operand();
            if (keyword("BETWEEN")) {
                Operand low = operand();
                expect("AND");
                Operand high = operand();
                return (item, p) -> {
                    Object v = left.value(item, p);
                    Object lo = low.value(item, p);
                    Object hi = high.value(item, p);
                    return comparable(v, lo) && comparable(v, hi) && compare(v, lo) >= 0 && compare(v, hi) <= 0;
                };
            }
            if (keyword("IN")) {
                expect("(");
                List<Operand> candidates = new ArrayList<>(List.of(operand()));
                while (keyword(",")) {
                    candidates.add(operand());
                }
                expect(")");
                return (item, p) -> {
                    Object v = left.value(item, p);
                    return candidates.stream().anyMatch(c -> equal(v, c.value(item, p)));
                };
            }
            String comparator = next();
            if (!COMPARATORS.contains(comparator)) {
                throw unsupported("'" + comparator + "' where a comparison was expected");
            }
            Operand right = operand();
            return (item, p) -> {
                Object a = left.value(item, p);
                Object b = right.value(item, p);
                return switch (comparator) {
                    case "=" -> equal(a, b);
                    case "<>" -> !equal(a, b);
                    case "<" -> comparable(a, b) && compare(a, b) < 0;
                    case "<=" -> comparable(a, b) && compare(a, b) <= 0;
                    case ">" -> comparable(a, b) && compare(a, b) > 0;
                    default -> comparable(a, b) && compare(a, b) >= 0;
                };
            };
        }

        private Operand operand() {
            String token = next();
            if (token.startsWith(":")) {
                return (item, p) -> p.value(token);
            }
            if ("size".equals(token)) {
                expect("(");
                String path = path(next());
                expect(")");
                return (item, p) -> size(item == null ? null : item.get(p.name(path)));
            }
            String path = path(token);
            return (item, p) -> item == null ? null : item.get(p.name(path));
        }

        // ------------------------------------------------------------ updates

        Update update() {
            List<Update> actions = new ArrayList<>();
            Set<String> clauses = new LinkedHashSet<>();
            while (peek() != null) {
                String clause = next().toUpperCase(java.util.Locale.ROOT);
                if (!clauses.add(clause)) {
                    throw unsupported("two " + clause + " clauses");
                }
                do {
                    actions.add(switch (clause) {
                        case "SET" -> set();
                        case "ADD" -> add();
                        case "REMOVE" -> remove();
                        default -> throw unsupported("clause " + clause);
                    });
                } while (keyword(","));
            }
            return (item, p, updated) -> {
                Map<String, Object> out = new LinkedHashMap<>(item);
                for (Update action : actions) {
                    out = action.apply(out, p, updated);
                }
                return out;
            };
        }

        private Update set() {
            String path = path(next());
            expect("=");
            Operand value = setOperand();
            boolean plus = keyword("+");
            if (plus || keyword("-")) {
                Operand right = setOperand();
                Operand left = value;
                value = (item, p) -> {
                    BigDecimal a = new BigDecimal((String) scalar(numberOf(left.value(item, p))));
                    BigDecimal b = new BigDecimal((String) scalar(numberOf(right.value(item, p))));
                    return number(plus ? a.add(b) : a.subtract(b));
                };
            }
            Operand v = value;
            return (item, p, updated) -> {
                Object result = v.value(item, p);
                if (result == null) {
                    throw new IllegalStateException("SET " + path + " to an attribute the item does not have");
                }
                item.put(p.name(path), result);
                updated.add(p.name(path));
                return item;
            };
        }

        private Operand setOperand() {
            String word = peek();
            if ("list_append".equals(word)) {
                next();
                expect("(");
                Operand a = operand();
                expect(",");
                Operand b = operand();
                expect(")");
                return (item, p) -> {
                    List<Object> joined = new ArrayList<>(list(a.value(item, p)));
                    joined.addAll(list(b.value(item, p)));
                    return Map.of("L", joined);
                };
            }
            if ("if_not_exists".equals(word)) {
                next();
                expect("(");
                String path = path(next());
                expect(",");
                Operand otherwise = operand();
                expect(")");
                return (item, p) -> item.containsKey(p.name(path)) ? item.get(p.name(path)) : otherwise.value(item, p);
            }
            return operand();
        }

        /** ADD of a number (a missing attribute counts as 0); Firebell adds to no sets. */
        private Update add() {
            String path = path(next());
            Operand value = operand();
            return (item, p, updated) -> {
                String name = p.name(path);
                Object before = item.get(name);
                BigDecimal base = before == null ? BigDecimal.ZERO : new BigDecimal((String) scalar(numberOf(before)));
                item.put(name, number(base.add(new BigDecimal((String) scalar(numberOf(value.value(item, p)))))));
                updated.add(name);
                return item;
            };
        }

        private Update remove() {
            String path = path(next());
            return (item, p, updated) -> {
                item.remove(p.name(path));
                return item;
            };
        }

        private static Object numberOf(Object value) {
            if (value == null || !"N".equals(type(value))) {
                throw new IllegalStateException("arithmetic on " + (value == null ? "a missing attribute" : type(value)));
            }
            return value;
        }

        private static List<?> list(Object value) {
            if (value == null || !"L".equals(type(value))) {
                throw new IllegalStateException("list_append of " + (value == null ? "a missing attribute" : type(value)));
            }
            return (List<?>) scalar(value);
        }

        // ------------------------------------------------------------ tokens

        private String path(String token) {
            if (token.indexOf('.') >= 0 || token.indexOf('[') >= 0 || token.startsWith(":")) {
                throw unsupported("path " + token + " (only top-level attributes are modelled)");
            }
            return token;
        }

        private String peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private String next() {
            if (at >= tokens.size()) {
                throw unsupported("its end, where more was expected");
            }
            return tokens.get(at++);
        }

        private boolean keyword(String word) {
            if (word.equalsIgnoreCase(peek())) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String word) {
            String got = next();
            if (!word.equalsIgnoreCase(got)) {
                throw unsupported("'" + got + "' where '" + word + "' was expected");
            }
        }

        void end() {
            if (peek() != null) {
                throw unsupported("'" + peek() + "' after a complete expression");
            }
        }

        private IllegalStateException unsupported(String what) {
            return new IllegalStateException("the canned DynamoDB cannot read " + what + " in: " + source);
        }
    }
}
