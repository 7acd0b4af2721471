package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;

import dev.firebell.aws.Json;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** infra/pipeline read for the pipeline tests: the template, its actions and roles, the buildspec, the stage files. */
final class PipelineFiles {

    static final Path DIR = ProjectFiles.root().resolve("infra/pipeline");
    /** The README's pipeline stack name; the application stacks are {@code <AppStackName>-<stage>}. */
    static final String PIPELINE_STACK = "firebell-pipeline";

    private PipelineFiles() {
    }

    static SamTemplate pipeline() {
        return SamTemplate.load(DIR.resolve("pipeline.yaml"));
    }

    /** Every action of every stage, stage by stage. */
    static Map<String, List<Map<String, Object>>> actionsByStage(SamTemplate pipeline) {
        Map<String, List<Map<String, Object>>> stages = new LinkedHashMap<>();
        for (Object stage : list(pipeline.resource("Pipeline").properties().get("Stages"))) {
            List<Map<String, Object>> actions = new ArrayList<>();
            list(map(stage).get("Actions")).forEach(action -> actions.add(map(action)));
            stages.put(String.valueOf(map(stage).get("Name")), actions);
        }
        return stages;
    }

    static List<Map<String, Object>> actions(SamTemplate pipeline) {
        return actionsByStage(pipeline).values().stream().flatMap(List::stream).toList();
    }

    /** The statements of a role's inline policies, as written. */
    static List<Object> policyStatements(SamTemplate template, String role) {
        List<Object> statements = new ArrayList<>();
        for (Object policy : list(template.resource(role).properties().get("Policies"))) {
            statements.addAll(list(at(policy, "PolicyDocument", "Statement").orElse(null)));
        }
        return statements;
    }

    static Map<String, Object> buildspec() {
        try {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DIR.resolve(
                    "buildspec.yml"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> buildCommands() {
        return list(at(buildspec(), "phases", "build", "commands").orElseThrow()).stream().map(String::valueOf)
                .map(String::strip).toList();
    }

    static String buildCommandContaining(String text) {
        return buildCommands().stream().filter(command -> command.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no build command contains '" + text + "': " + buildCommands()));
    }

    /** Whether the buildspec's artifact globs package the file (CodeBuild's {@code **}{@code /} matches no directory too). */
    static boolean packaged(String file) {
        return list(at(buildspec(), "artifacts", "files").orElseThrow()).stream().map(String::valueOf).anyMatch(glob ->
                FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(file))
                        || FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("**/", "")).matches(Path.of(file)));
    }

    /** The stages the pipeline deploys, from its stage files. */
    static List<String> stages() {
        try (var files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("stage-[a-z0-9-]+\\.json"))
                    .map(n -> n.substring("stage-".length(), n.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> stageFile(String stage) {
        try {
            return Json.readObject(Files.readString(DIR.resolve("stage-" + stage + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> stageParameters(String stage) {
        return map(stageFile(stage).get("Parameters"));
    }

    /** The pipeline stack, deployed for this AppStackName (the parameters without a default: the README's kind). */
    static StackArns pipelineStack(String appStackName) {
        return new StackArns(pipeline(), PIPELINE_STACK, Map.of("AppStackName", appStackName,
                "ConnectionArn", "arn:aws:codeconnections:" + StackArns.REGION + ":" + StackArns.ACCOUNT
                        + ":connection/5a1c3f0e-8d2b-4e6f-9a7c-1b2d3e4f5a6b",
                "RepositoryId", "acme/firebell", "PipelineAlertEmail", "platform@example.com"));
    }

    /**
     * An application stack the pipeline deploys: template.yaml as AWS creates it (the SAM transform, the code where the
     * build packages it, in the pipeline's artifact bucket), named {@code <AppStackName>-<stage>}, with the parameters.
     */
    static StackArns appStack(StackArns pipelineStack, String stage, Map<String, ?> parameters) {
        SamTemplate transformed = CfnTools.samTransform(ProjectFiles.template(), pipelineStack.name("ArtifactBucket"));
        return new StackArns(transformed, pipelineStack.resolve(Map.of("Ref", "AppStackName")) + "-" + stage, parameters);
    }

    /** An application stack with its stage file's parameters. */
    static StackArns appStack(StackArns pipelineStack, String stage) {
        return appStack(pipelineStack, stage, stageParameters(stage));
    }
}
