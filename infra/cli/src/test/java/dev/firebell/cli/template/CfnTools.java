package dev.firebell.cli.template;

import dev.firebell.aws.Json;
import dev.firebell.local.MotoServer;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * cfn-lint and the SAM translator (Python, preinstalled with moto; {@code .ci/run} installs cfn-lint where it is
 * missing), run through the interpreter the local stack uses ({@link MotoServer#python()}). Missing tools fail the
 * test that needs them, saying how to install them: nothing here skips.
 */
final class CfnTools {

    /** What {@code .ci/run} and the buildspec install when cfn-lint is missing (it brings the SAM translator). */
    static final String INSTALL = "python3 -m pip install 'cfn-lint==1.51.0'";

    private static final long TIMEOUT_SECONDS = 300;
    private static final Map<String, String> TRANSFORMED = new ConcurrentHashMap<>();
    private static volatile Map<String, Object> iamDefinitions;

    /** The output of a finished command. */
    record Run(int exitCode, String output, String errors) {
    }

    private CfnTools() {
    }

    /**
     * The template AWS creates from {@code template}: {@code infra/pipeline/sam-transform.py}'s output, with local
     * CodeUri paths as objects of {@code codeBucket} (where {@code aws cloudformation package} uploads them).
     */
    static SamTemplate samTransform(Path template, String codeBucket) {
        return SamTemplate.parse(samTransformJson(template, codeBucket), "transformed " + template.getFileName());
    }

    /** {@link #samTransform} as the JSON the script prints. */
    static String samTransformJson(Path template, String codeBucket) {
        return TRANSFORMED.computeIfAbsent(template.toAbsolutePath() + "|" + codeBucket, key -> {
            Path script = ProjectFiles.root().resolve("infra/pipeline/sam-transform.py");
            Run run = python(script.toString(), template.toString(), "--code-bucket", codeBucket);
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the SAM transform of " + template + " failed (exit " + run.exitCode()
                        + "):\n" + run.errors());
            }
            return run.output();
        });
    }

    /** cfn-lint on {@code templates}, errors and warnings failing (its default); the SAM transform included. */
    static Run cfnLint(List<Path> templates) {
        List<String> arguments = new ArrayList<>(List.of("-c",
                "import sys; from cfnlint.runner import main; sys.argv[0] = 'cfn-lint'; sys.exit(main())", "--"));
        templates.forEach(t -> arguments.add(t.toString()));
        return python(arguments.toArray(String[]::new));
    }

    /**
     * The Service Authorization Reference as cfn-lint bundles it ({@code cfnlint/data/AdditionalSpecs/Policies.json}):
     * service prefix -> {@code Actions} (lower-case name -> {@code Resources}: resource type names) and
     * {@code Resources} (type name -> {@code ARNFormats}).
     */
    static Map<String, Object> iamDefinitions() {
        if (iamDefinitions == null) {
            Run run = python("-c", "import os, cfnlint.data.AdditionalSpecs as s;"
                    + " print(os.path.join(os.path.dirname(s.__file__), 'Policies.json'))");
            if (run.exitCode() != 0) {
                throw new IllegalStateException("cannot find cfn-lint's IAM data: " + run.errors() + "\nInstall it: "
                        + INSTALL);
            }
            try {
                iamDefinitions = Json.readObject(Files.readString(Path.of(run.output().strip())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return iamDefinitions;
    }

    private static Run python(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(MotoServer.python());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectFiles.root().toFile());
        // Nothing here talks to AWS; the translator only asks boto3 for a region to name ARNs with.
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (set FIREBELL_PYTHON to the Python that has"
                    + " cfn-lint and the SAM translator; install them with: " + INSTALL + ")", e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String stderr = errors.join();
            if (stderr.contains("ModuleNotFoundError")) {
                throw new IllegalStateException(stderr + "\nInstall what is missing: " + INSTALL);
            }
            return new Run(process.exitValue(), output.join(), stderr);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
