package dev.firebell.oncall;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Port: shift overrides, stored one item each so chat can add and remove them. */
public interface OverrideStore {

    /**
     * The overrides of each source that have not ended by {@code from} (one indexed read per source,
     * never a scan); sources without any are absent or map to an empty list.
     */
    Map<String, List<ShiftOverride>> notEndedBy(Collection<String> sources, Instant from);

    /** Stores the override; writing the same one again (same id) changes nothing. */
    void put(ShiftOverride override);

    /** Removes it; false if there was none with that id. */
    boolean remove(String source, String id);

    /** Nothing stored: configuration-only lookups (the command line without a stack, tests). */
    OverrideStore NONE = new OverrideStore() {
        @Override
        public Map<String, List<ShiftOverride>> notEndedBy(Collection<String> sources, Instant from) {
            return Map.of();
        }

        @Override
        public void put(ShiftOverride override) {
            throw new UnsupportedOperationException("no override store is configured");
        }

        @Override
        public boolean remove(String source, String id) {
            return false;
        }
    };
}
