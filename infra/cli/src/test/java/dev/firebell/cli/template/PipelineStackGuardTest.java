package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * infra/pipeline/clear-failed-create.sh, run as the pipeline runs it, against a stand-in {@code aws} command that
 * answers {@code describe-stacks} with a given stack status and records every call.
 */
class PipelineStackGuardTest {

    private static final String STACK = "firebell-prod";
    private static final String ROLE = "arn:aws:iam::111122223333:role/firebell-pipeline-DeployRole-AB12CD34EF56G";
    /** Answers like the AWS CLI v2 (its exit code 254 on a service error), appending each call to $CALLS. */
    private static final String FAKE_AWS = """
            #!/usr/bin/env bash
            echo "$*" >> "$CALLS"
            case "$1 $2" in
              "cloudformation describe-stacks")
                case "$STATUS" in
                  absent) echo "An error occurred (ValidationError) when calling the DescribeStacks operation: \
            Stack with id $4 does not exist" >&2; exit 254 ;;
                  denied) echo "An error occurred (AccessDenied) when calling the DescribeStacks operation: \
            not authorized" >&2; exit 254 ;;
                  *) echo "$STATUS" ;;
                esac ;;
              "cloudformation describe-stack-events")
                printf '2026-12-01T10:00:00Z\\tFirebellKeyAlias\\tCREATE_FAILED\\talias/firebell-prod already exists\\n' ;;
              "cloudformation delete-stack" | "cloudformation wait") ;;
              *) echo "unexpected call: $*" >&2; exit 99 ;;
            esac
            """;

    @TempDir
    Path dir;

    record Result(int exitCode, String output, List<String> calls) {
    }

    @Test
    void absentStack_shouldBeLeftToTheDeploymentToCreate() throws Exception {
        Result result = guard("absent");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("firebell-prod does not exist yet: the deployment creates it.");
        assertThat(result.calls()).containsExactly("cloudformation describe-stacks --stack-name firebell-prod --query "
                + "Stacks[0].StackStatus --output text");
    }

    @Test
    void failedFirstCreate_shouldBeDeletedWithTheDeployRole_afterSayingWhatFailed_andWaitedFor() throws Exception {
        Result result = guard("ROLLBACK_COMPLETE");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("its first create failed").contains("FirebellKeyAlias")
                .contains("alias/firebell-prod already exists").contains("firebell-prod deleted.");
        assertThat(result.calls()).filteredOn(call -> !call.contains("describe-"))
                .containsExactly("cloudformation delete-stack --stack-name firebell-prod --role-arn " + ROLE,
                        "cloudformation wait stack-delete-complete --stack-name firebell-prod");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"})
    void deployableStack_shouldBeLeftAlone(String status) throws Exception {
        Result result = guard(status);

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("firebell-prod is " + status + ": ready to deploy.");
        assertThat(result.calls()).hasSize(1);
    }

    @Test
    void failedUpdateRollback_shouldStopTheRun_sayingExactlyHowToContinueIt_andDeleteNothing() throws Exception {
        Result result = guard("UPDATE_ROLLBACK_FAILED");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("nothing was deleted")
                .contains("aws cloudformation continue-update-rollback --stack-name firebell-prod --role-arn " + ROLE)
                .contains("docs/pipeline.md");
        assertThat(result.calls()).noneSatisfy(call -> assertThat(call).contains("delete-stack"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLLBACK_FAILED", "DELETE_FAILED"})
    void failedDeletion_shouldStopTheRun_sayingWhichDeletionToRetry(String status) throws Exception {
        Result result = guard(status);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("aws cloudformation delete-stack --stack-name firebell-prod --role-arn "
                + ROLE + " --retain-resources");
        assertThat(result.calls()).noneSatisfy(call -> assertThat(call).contains("delete-stack"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS", "DELETE_IN_PROGRESS"})
    void stackBusy_shouldStopTheRun_withoutTouchingIt(String status) throws Exception {
        Result result = guard(status);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("another operation is under way");
        assertThat(result.calls()).hasSize(1);
    }

    @Test
    void unreadableStatus_shouldStopTheRun_withTheError() throws Exception {
        Result result = guard("denied");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("cannot read the status of firebell-prod").contains("AccessDenied");
        assertThat(result.calls()).hasSize(1);
    }

    @Test
    void missingArguments_shouldBeRefusedWithUsage() throws Exception {
        Result result = run("absent", STACK);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("usage:");
        assertThat(result.calls()).isEmpty();
    }

    private Result guard(String status) throws Exception {
        return run(status, STACK, ROLE);
    }

    private Result run(String status, String... arguments) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, FAKE_AWS);
        assertThat(aws.toFile().setExecutable(true)).isTrue();
        Path calls = dir.resolve("calls.txt");
        Files.deleteIfExists(calls);
        Files.createFile(calls);

        List<String> command = new java.util.ArrayList<>(List.of("bash",
                ProjectFiles.root().resolve("infra/pipeline/clear-failed-create.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("STATUS", status);
        builder.environment().put("CALLS", calls.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        return new Result(process.exitValue(), output, Files.readAllLines(calls));
    }
}
