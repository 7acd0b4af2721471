package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.FunctionSpec;
import dev.firebell.local.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function's deployment zip (its template CodeUri, built in the reactor's package phase before this module's
 * tests run) stays under 10 MB, and keeps its jars stored inside so that the zip compresses them whole (ADR 0054).
 * Run on its own, it needs the zips: {@code mvn -B package -DskipTests} first.
 */
class FunctionArtifactSizeTest {

    /** Megabytes as the docs count them (10^6 bytes). */
    static final long MAX_BYTES = 10_000_000L;

    static Stream<String> functions() {
        return SamTemplate.load(ProjectFiles.template()).functionIds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void deploymentZip_shouldBeUnderTenMegabytes_withItsJarsStoredInside(String id) throws IOException {
        FunctionSpec function = SamTemplate.load(ProjectFiles.template()).function(id);
        Path zip = ProjectFiles.root().resolve(function.codeUri());
        assertThat(zip).as("%s: %s is built by mvn package (run mvn -B package -DskipTests before this test alone)",
                id, function.codeUri()).isRegularFile();

        assertThat(Files.size(zip)).as("%s: %s in bytes", id, function.codeUri()).isLessThan(MAX_BYTES);
        List<String> compressed = new ArrayList<>();
        int jars = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    jars++;
                    compressed.addAll(compressedEntries(entry.getName(), file.getInputStream(entry).readAllBytes()));
                }
            }
        }
        assertThat(jars).as("%s: jars under lib/", id).isPositive();
        assertThat(compressed).as("%s: jar entries compressed inside the zip (functions/LambdaZip.java stores them)", id)
                .isEmpty();
    }

    private static List<String> compressedEntries(String jar, byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getMethod() != ZipEntry.STORED) {
                    out.add(jar + "!" + entry.getName());
                }
            }
        }
        return out;
    }
}
