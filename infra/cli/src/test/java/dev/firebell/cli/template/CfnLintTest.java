package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cfn-lint (the SAM transform and CloudFormation's rules) on every template of the project: template.yaml, and every
 * template under infra/ (found, so a new one is linted without a change here), and template.yaml once more as AWS
 * creates it, after the SAM transform. Errors and warnings fail, with cfn-lint's own output.
 */
class CfnLintTest {

    /** Where templates that are not deployed live: test fixtures (deliberately wrong), build output, npm packages. */
    private static final Set<String> NOT_DEPLOYED = Set.of("target", "node_modules", "test");
    private static final Pattern YAML_TEMPLATE = Pattern.compile("(?m)^(AWSTemplateFormatVersion|Transform)\\s*:");
    private static final Pattern YAML_RESOURCES = Pattern.compile("(?m)^Resources\\s*:");

    @Test
    void everyTemplate_andTheTransformedApplicationTemplate_shouldBeCleanUnderCfnLint(@TempDir Path dir) throws IOException {
        List<Path> templates = new ArrayList<>(templates(ProjectFiles.root()));
        Path transformed = dir.resolve("template.transformed.json");
        Files.writeString(transformed, CfnTools.samTransformJson(ProjectFiles.template(),
                PipelineFiles.pipelineStack("firebell").name("ArtifactBucket")));
        templates.add(transformed);

        CfnTools.Run lint = CfnTools.cfnLint(templates);

        assertThat(lint.exitCode()).as("cfn-lint %s:%n%s%s", templates, lint.output(), lint.errors()).isZero();
    }

    @Test
    void templates_shouldBeFoundUnderInfra_butNotTestFixturesOrBuildOutput(@TempDir Path root) throws IOException {
        write(root.resolve("template.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
        write(root.resolve("infra/dashboards/alarms.yml"), "Transform: AWS::Serverless-2016-10-31\nResources:\n  A: {}\n");
        write(root.resolve("infra/extra/stack.json"), "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}}");
        write(root.resolve("infra/pipeline/buildspec.yml"), "version: 0.2\nphases: {}\n");
        write(root.resolve("infra/pipeline/stage-prod.json"), "{\"Parameters\": {\"Stage\": \"prod\"}}");
        write(root.resolve("infra/cli/src/test/resources/template/mistakes.yaml"),
                "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
        write(root.resolve("infra/cli/target/classes/copy.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");

        assertThat(templates(root)).containsExactly(root.resolve("infra/dashboards/alarms.yml"),
                root.resolve("infra/extra/stack.json"), root.resolve("template.yaml"));
        assertThat(templates(ProjectFiles.root())).contains(ProjectFiles.template(),
                ProjectFiles.root().resolve("infra/pipeline/pipeline.yaml"), MemberTemplateTest.MEMBER);
    }

    /** template.yaml, and every CloudFormation template under infra/ that is deployed (sorted). */
    static List<Path> templates(Path root) throws IOException {
        List<Path> templates = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("template.yaml"))) {
            templates.add(root.resolve("template.yaml"));
        }
        try (Stream<Path> files = Files.walk(root.resolve("infra"))) {
            files.filter(Files::isRegularFile)
                    .filter(f -> root.relativize(f).toString().matches(".*\\.(ya?ml|json|template)"))
                    .filter(f -> NOT_DEPLOYED.stream().noneMatch(dir -> root.relativize(f).toString().contains("/" + dir
                            + "/")))
                    .filter(CfnLintTest::isTemplate)
                    .forEach(templates::add);
        }
        return templates.stream().sorted().toList();
    }

    private static boolean isTemplate(Path file) {
        try {
            String text = Files.readString(file);
            if (file.toString().endsWith(".json")) {
                return Json.read(text) instanceof Map<?, ?> json && json.containsKey("Resources")
                        && (json.containsKey("AWSTemplateFormatVersion") || json.containsKey("Transform"));
            }
            return YAML_TEMPLATE.matcher(text).find() && YAML_RESOURCES.matcher(text).find();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read", e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
