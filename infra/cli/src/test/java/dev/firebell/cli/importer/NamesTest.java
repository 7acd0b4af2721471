package dev.firebell.cli.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void allocate_shouldGiveConfigurationNames_uniquePerSection_rememberedBySourceId() {
        Names names = new Names();

        assertThat(names.allocate(Names.PERSON, "P1", Names.localPart("Chloé.Dubois@example.com"))).isEqualTo("chloe.dubois");
        assertThat(names.allocate(Names.PERSON, "P2", "chloe.dubois")).isEqualTo("chloe.dubois-2");
        assertThat(names.allocate(Names.TEAM, "T1", "Chloé Dubois")).isEqualTo("chloe-dubois");
        assertThat(names.allocate(Names.POLICY, "E1", null, "  ", "SRE_Escalation (EU)")).isEqualTo("sre_escalation-eu");
        assertThat(names.allocate(Names.SERVICE, "S1", "!!!")).isEqualTo("service-s1");
        assertThat(names.of(Names.PERSON, "P2")).isEqualTo("chloe.dubois-2");
        assertThat(names.of(Names.PERSON, "P3")).isNull();
        assertThat(Names.slug("x".repeat(80))).hasSize(63);
    }
}
