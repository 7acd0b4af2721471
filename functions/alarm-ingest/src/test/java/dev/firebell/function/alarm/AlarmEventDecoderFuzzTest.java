package dev.firebell.function.alarm;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.MalformedAlarmException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Mutates the valid fixtures a few thousand times (truncations, byte flips, random bytes, type swaps and deleted
 * fields, also inside the JSON strings an SNS Message or a reasonData holds) and checks that the decoder either
 * decodes or throws {@link MalformedAlarmException}: never a NullPointerException, ClassCastException,
 * StackOverflowError or any other surprise. The seed is fixed, so a failure reproduces.
 */
class AlarmEventDecoderFuzzTest {

    private static final long SEED = 20250314L;
    private static final int ROUNDS = 5_000;

    private static final List<String> VALID_FIXTURES = List.of(
            "alarm-action/metric-alarm.json", "alarm-action/metric-math-alarm.json",
            "alarm-action/composite-alarm.json", "alarm-action/ok.json",
            "eventbridge/metric-alarm.json", "eventbridge/metric-math-alarm.json", "eventbridge/composite-alarm.json",
            "eventbridge/insufficient-data.json", "eventbridge/null-description.json",
            "eventbridge/anomaly-detection-alarm.json",
            "sns/metric-alarm.json", "sns/multi-metric-alarm.json", "sns/composite-alarm.json", "sns/ok.json",
            "sns/two-records.json");

    /** What a field may be swapped for: every JSON type, edge numbers, and strings that look almost right. */
    private static final List<Object> REPLACEMENTS = List.of(
            "", " ", "x", "BROKEN", "ALARM", "ok", "null", "{", "{}", "[]", "{\"triggeringAlarms\":7}",
            "2025-03-14T09:26:41.733+0000", "2025-13-45T99:99:99.999+0000", "arn:aws:cloudwatch:::alarm:",
            "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:", "\u0000\uffff\ud800",
            0, -1, 60.5, 1e308, Long.MAX_VALUE, new BigInteger("123456789012345678901234567890"), true, false,
            List.of(), List.of(1, "two"), Map.of(), Map.of("name", 1));

    private final AlarmEventDecoder decoder = new AlarmEventDecoder();

    @Test
    void decode_shouldOnlyEverThrowMalformedAlarmException_whenPayloadsAreMutated() {
        // GIVEN
        Random random = new Random(SEED);
        List<byte[]> seeds = VALID_FIXTURES.stream().map(AlarmEventDecoderFuzzTest::read).toList();
        int decoded = 0;
        int rejected = 0;

        for (int round = 0; round < ROUNDS; round++) {
            byte[] payload = mutate(seeds.get(random.nextInt(seeds.size())), random);

            // WHEN
            try {
                List<AlarmStateChange> changes = decoder.decode(payload);

                // THEN
                assertThat(changes).isNotEmpty().doesNotContainNull();
                decoded++;
            } catch (MalformedAlarmException e) {
                assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(4_000);
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " threw " + e + " for payload: " + preview(payload), e);
            }
        }

        // Both outcomes must really occur, or the mutations are too weak or too destructive.
        assertThat(decoded).as("decoded").isGreaterThan(ROUNDS / 20);
        assertThat(rejected).as("rejected").isGreaterThan(ROUNDS / 4);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        switch (random.nextInt(8)) {
            case 0: // truncate
                return Arrays.copyOf(seed, random.nextInt(seed.length));
            case 1: { // flip a few bytes
                byte[] copy = seed.clone();
                for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 2: { // random bytes, sometimes looking vaguely like JSON
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                if (bytes.length > 0 && random.nextBoolean()) {
                    bytes[0] = '{';
                }
                return bytes;
            }
            case 3: { // wrap in deep brackets
                int depth = 1 + random.nextInt(3_000);
                String json = "[".repeat(depth) + new String(seed, StandardCharsets.UTF_8) + "]".repeat(depth);
                return json.getBytes(StandardCharsets.UTF_8);
            }
            default: // structural mutations of the parsed tree, half of them inside embedded JSON strings
                Object tree = copy(parse(seed));
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    mutateTree(tree, random, 0);
                }
                return write(tree);
        }
    }

    /** Swaps, deletes or grows one randomly chosen value somewhere in the tree (maybe inside an embedded document). */
    private static void mutateTree(Object tree, Random random, int depth) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty()) {
            return;
        }
        List<Slot> embedded = slots.stream().filter(Slot::holdsEmbeddedJson).toList();
        if (!embedded.isEmpty() && depth == 0 && random.nextBoolean()) {
            Slot slot = embedded.get(random.nextInt(embedded.size()));
            Object inner;
            try {
                inner = copy(JSON.std.anyFrom(((String) slot.get()).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                return; // an earlier mutation already replaced it with something that only looks like JSON
            }
            mutateTree(inner, random, depth + 1);
            slot.set(new String(write(inner), StandardCharsets.UTF_8));
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(4)) {
            case 0 -> slot.remove();
            case 1 -> slot.set(null);
            case 2 -> slot.set("Z".repeat(random.nextInt(200_000)));
            default -> slot.set(copy(REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()))));
        }
    }

    private static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : new ArrayList<>(map.keySet())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                slots.add(new Slot(fields, (String) key, null, -1));
                collect(map.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) list;
                slots.add(new Slot(null, null, items, i));
                collect(list.get(i), slots);
            }
        }
    }

    /** One place in the tree: a map entry or a list element. */
    private record Slot(Map<String, Object> map, String key, List<Object> list, int index) {
        Object get() {
            return map != null ? map.get(key) : list.get(index);
        }

        void set(Object value) {
            if (map != null) {
                map.put(key, value);
            } else {
                list.set(index, value);
            }
        }

        void remove() {
            if (map != null) {
                map.remove(key);
            } else if (index < list.size()) {
                list.remove(index);
            }
        }

        boolean holdsEmbeddedJson() {
            return get() instanceof String s && s.startsWith("{");
        }
    }

    /** A mutable deep copy (jackson-jr may hand out its own map implementations). */
    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return node;
    }

    private static Object parse(byte[] json) {
        try {
            return JSON.std.anyFrom(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(Object tree) {
        try {
            return JSON.std.asString(tree).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String fixture) {
        try (InputStream in = AlarmEventDecoderTest.fixture(fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String preview(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "... (" + text.length() + " chars)";
    }
}
