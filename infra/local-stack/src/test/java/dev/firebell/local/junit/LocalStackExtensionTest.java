package dev.firebell.local.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs {@link ExtensionScenarios} in a JUnit run of their own, then checks what the run left behind. */
class LocalStackExtensionTest {

    private static final List<String> SDK_PROPERTIES =
            List.of("aws.region", "aws.accessKeyId", "aws.secretAccessKey", "aws.endpointUrl");
    private final Map<String, String> savedProperties = new HashMap<>();

    @BeforeEach
    void saveSdkProperties() {
        SDK_PROPERTIES.forEach(name -> savedProperties.put(name, System.getProperty(name)));
        ExtensionScenarios.MOTO_PIDS.clear();
        ExtensionScenarios.RESOURCES.clear();
    }

    /** The nested run exports its own (by then stopped) emulator's settings; give back this JVM's. */
    @AfterEach
    void restoreSdkProperties() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void extension_shouldShareOneMoto_provisionEachClassClean_andStopMotoWhenTheRunEnds() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ClassOrderer.DEFAULT_ORDER_PROPERTY_NAME, ClassOrderer.OrderAnnotation.class.getName())
                .selectors(selectClass(ExtensionScenarios.WritesAnIncident.class),
                        selectClass(ExtensionScenarios.StartsClean.class))
                .execute();

        assertThat(results.testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse(event.toString()))
                .toList()).as("failures of the nested run").isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        List<Long> pids = ExtensionScenarios.MOTO_PIDS;
        assertThat(pids).hasSize(2).containsOnly(pids.get(0));
        assertThat(ProcessHandle.of(pids.get(0)).map(ProcessHandle::isAlive))
                .as("moto after the run ended").isIn(Optional.empty(), Optional.of(false));

        List<?> resources = ExtensionScenarios.RESOURCES;
        assertThat(resources.get(1)).as("a @Nested class shares its enclosing class's resources").isSameAs(resources.get(0));
        assertThat(resources.get(2)).as("the next class gets its own").isNotSameAs(resources.get(0));
    }

    @Test
    void localStackTest_shouldTagTestsAsIntegration() {
        assertThat(LocalStackTest.class.getAnnotation(Tag.class).value()).isEqualTo("integration");
    }
}
