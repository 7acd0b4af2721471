package dev.firebell.incident;

import net.jqwik.api.PropertyDefaults;

/** The grouping properties on the in-memory store: many storms, fast. */
@PropertyDefaults(tries = 300)
class InMemoryGroupingPropertiesTest extends GroupingProperties {

    @Override
    protected IncidentStore emptyStore() {
        return new InMemoryIncidentStore();
    }
}
