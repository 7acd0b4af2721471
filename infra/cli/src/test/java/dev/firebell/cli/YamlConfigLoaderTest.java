package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigLoaderTest {

    private static final Path CONFIG = Path.of("src/test/resources/config");
    private final YamlConfigLoader loader = new YamlConfigLoader();

    @Test
    void validate_shouldNameFileLineAndProblem_forEveryProblem() {
        YamlConfigLoader.Loaded loaded = loader.load(CONFIG.resolve("invalid.yaml"));

        assertThatThrownBy(loaded::validate).isInstanceOf(YamlConfigLoader.LocatedConfigException.class)
                .satisfies(e -> assertThat(((YamlConfigLoader.LocatedConfigException) e).problems())
                        .containsExactlyInAnyOrder(
                                "invalid.yaml:2: routing.descriptionHints: expected true or false, found 'maybe'",
                                "invalid.yaml:4: routing.default.service: 'chekout' is not a service declared under"
                                        + " services (declared: checkout)",
                                "invalid.yaml:7: routing.rules[0].match: names no criterion; use alarmNamePrefix,"
                                        + " alarmNamePattern, namespace, dimensions, account, accountName or region",
                                "invalid.yaml:9: routing.rules[0].severity: severity 'SEV9' is not one of SEV1, SEV2,"
                                        + " SEV3, SEV4, SEV5",
                                "invalid.yaml:14: services.checkout.reopenWindow: 'soon' is not a duration; write e.g."
                                        + " 90s, 15m, 2h, 1d, 1h30m or PT15M",
                                "invalid.yaml:15: services.checkout.insufficientData: 'panic' is not one of ignore,"
                                        + " note, alarm"));
    }

    @Test
    void load_shouldRejectDuplicateKeysAndBrokenYaml_withTheirLine() {
        assertThatThrownBy(() -> loader.load(CONFIG.resolve("duplicate-key.yaml")))
                .hasMessageContaining("duplicate-key.yaml:4: not valid YAML: found duplicate key checkout");
        assertThatThrownBy(() -> loader.load(CONFIG.resolve("not-yaml.yaml")))
                .hasMessageContaining("not-yaml.yaml:3: not valid YAML");
        assertThatThrownBy(() -> loader.load(CONFIG.resolve("missing.yaml")))
                .hasMessageContaining("missing.yaml: no such file or directory");
    }

    @Test
    void load_shouldMergeADirectoryOfFiles_andRefuseAThingDefinedTwice(@TempDir Path dir) throws IOException {
        FirebellConfig config = new ConfigBinder().bind(loader.load(CONFIG.resolve("split")).document());
        assertThat(config.services()).containsOnlyKeys("platform", "checkout");
        assertThat(config.routing().defaultService()).isEqualTo("platform");

        Files.writeString(dir.resolve("a.yaml"), "services:\n  checkout: {}\n");
        Files.writeString(dir.resolve("b.yaml"), "services:\n  checkout: {}\nrouting: {}\n");
        Files.writeString(dir.resolve("c.yml"), "routing: {}\n");
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(YamlConfigLoader.LocatedConfigException.class)
                .satisfies(e -> assertThat(((YamlConfigLoader.LocatedConfigException) e).problems()).containsExactly(
                        dir.resolve("b.yaml") + ":1: services.checkout is defined in more than one file",
                        dir.resolve("c.yml") + ":1: section 'routing' is defined in more than one file"));
    }

    @Test
    void load_shouldKeepDatesAsTheTextWritten() throws IOException {
        Path file = Files.createTempFile("firebell", ".yaml");
        Files.writeString(file, "services:\n  checkout:\n    description: 2026-03-29\n    autoResolve: false\n");
        YamlConfigLoader.Loaded loaded = loader.load(file);
        assertThat(loaded.document()).extractingByKey("services").asString().contains("description=2026-03-29")
                .contains("autoResolve=false");
        Files.delete(file);
    }

    @Test
    void theExampleConfiguration_shouldBeValid() {
        YamlConfigLoader.Loaded loaded = loader.load(Path.of("../config/firebell.example.yaml"));
        loaded.validate();
        assertThat(new ConfigBinder().bind(loaded.document()).routing().rules()).hasSizeGreaterThan(2);
        assertThat(List.of(Path.of("../config/firebell.example.yaml").toFile().exists())).containsExactly(true);
    }
}
