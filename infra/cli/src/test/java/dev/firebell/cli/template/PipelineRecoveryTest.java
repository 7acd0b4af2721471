package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the pipeline needs to recover from failed deployments: a failed first create does not block every later run
 * (and leaves nothing behind), and a rollback finds the code it redeploys, however long after the last deployment.
 */
class PipelineRecoveryTest {

    private static final String GUARD_SCRIPT = "infra/pipeline/clear-failed-create.sh";

    private final SamTemplate pipeline = PipelineFiles.pipeline();
    private final StackArns pipelineStack = PipelineFiles.pipelineStack("firebell");

    @Test
    void everyDeployment_shouldFirstClearAFailedFirstCreateOfItsStack_withTheDeployRole() throws IOException {
        int deployments = 0;
        for (Map.Entry<String, List<Map<String, Object>>> stage : PipelineFiles.actionsByStage(pipeline).entrySet()) {
            for (Map<String, Object> deploy : stage.getValue()) {
                Map<String, Object> configuration = map(deploy.get("Configuration"));
                if (configuration.get("StackName") == null) {
                    continue;
                }
                deployments++;
                String stack = pipelineStack.resolve(configuration.get("StackName"));
                // REPLACE_ON_FAILURE would delete and recreate a stack in any failed state: prod in UPDATE_ROLLBACK_FAILED too.
                assertThat(configuration.get("ActionMode")).as("%s action mode", stack).isEqualTo("CREATE_UPDATE");

                Map<String, Object> guard = stage.getValue().stream()
                        .filter(a -> stack.equals(appStackOf(a).orElse(null)) && isStackGuard(a)).findFirst()
                        .orElseThrow(() -> new AssertionError("stage " + stage.getKey() + " deploys " + stack
                                + " without first running StackGuardProject on it"));
                assertThat(runOrder(guard)).as("%s: the guard runs before the deployment", stack)
                        .isLessThan(runOrder(deploy));
                assertThat(map(guard.get("Configuration")).get("ProjectName")).isEqualTo(Map.of("Ref",
                        "StackGuardProject"));
                assertThat(guardEnvironment().get("DEPLOY_ROLE_ARN")).as("the guard deletes with the deploy role")
                        .isEqualTo(pipelineStack.resolve(configuration.get("RoleArn")));

                String stackArn = "arn:aws:cloudformation:" + StackArns.REGION + ":" + StackArns.ACCOUNT + ":stack/"
                        + stack + "/0b6bd1e0-5f7e-11ef-8b0d-0a1b2c3d4e5f";
                RolePolicy guardRole = new RolePolicy(pipelineStack, "StackGuardRole");
                for (String action : List.of("cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
                        "cloudformation:DeleteStack")) {
                    assertThat(guardRole.allowing(action, stackArn)).as("StackGuardRole: %s on %s", action, stack)
                            .isPresent();
                }
                assertThat(guardRole.allowing("iam:PassRole", pipelineStack.arn("DeployRole"))).isPresent();
            }
        }

        assertThat(deployments).isEqualTo(PipelineFiles.stages().size());
        assertThat(String.valueOf(at(pipeline.resource("StackGuardProject").properties(), "Source", "BuildSpec")
                .orElseThrow())).contains("bash " + GUARD_SCRIPT + " \"$APP_STACK\" \"$DEPLOY_ROLE_ARN\"");
        assertThat(ProjectFiles.root().resolve(GUARD_SCRIPT)).isRegularFile();
        assertThat(PipelineFiles.packaged(GUARD_SCRIPT)).as("buildspec artifacts packaging " + GUARD_SCRIPT).isTrue();
        assertThat(new RolePolicy(pipelineStack, "PipelineRole").allowing("codebuild:StartBuild",
                pipelineStack.arn("StackGuardProject"))).as("the pipeline starts the guard").isPresent();
    }

    /**
     * What template.yaml retains on deletion (the incidents, the drafts, the key they are encrypted with) is deleted by
     * the rollback of the create that made it: a failed first deployment holds no data yet, and leaves nothing behind
     * that the next attempt's resources would sit beside.
     */
    @Test
    void retainedResources_shouldBeDeletedByTheRollbackOfTheCreateThatMadeThem() {
        SamTemplate app = SamTemplate.load(ProjectFiles.template());
        List<String> retained = new ArrayList<>();
        app.resources().values().forEach(resource -> {
            Object policy = resource.raw().get("DeletionPolicy");
            if (policy != null && !List.of("Delete", "Snapshot").contains(policy)) {
                retained.add(resource.logicalId() + ": " + policy);
            }
        });

        assertThat(retained).as("resources template.yaml retains").isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(": RetainExceptOnCreate"));
    }

    @Test
    void artifactBucket_shouldExpireRunArtifacts_butKeepThePackagedCodeAStackMayRollBackTo() {
        // GIVEN where the build packages the function zips, and where CodePipeline keeps a run's artifacts
        String packageCommand = PipelineFiles.buildCommandContaining("cloudformation package");
        assertThat(packageCommand).contains("--s3-prefix \"$PACKAGE_PREFIX/$VERSION\"");
        String codePrefix = buildEnvironment().get("PACKAGE_PREFIX");
        String codeObject = codePrefix + "/4f2c9e1/0d7a3b5c9e8f1a2b3c4d5e6f7a8b9c0d";
        String runArtifact = pipelineStack.resolve(pipeline.resource("Pipeline").properties().get("Name"))
                + "/Packaged/Xk3Rt9q";
        Map<String, Object> bucket = pipeline.resource("ArtifactBucket").properties();

        // WHEN the lifecycle rules are read
        List<String> expiringPrefixes = new ArrayList<>();
        for (Object item : list(at(bucket, "LifecycleConfiguration", "Rules").orElse(null))) {
            Map<String, Object> rule = map(item);
            boolean expiresCurrentVersions = rule.containsKey("ExpirationInDays") || rule.containsKey("ExpirationDate");
            if ("Enabled".equals(rule.get("Status")) && expiresCurrentVersions) {
                expiringPrefixes.add(rule.get("Prefix") == null ? "" : pipelineStack.resolve(rule.get("Prefix")));
            }
        }

        // THEN what a run passes between stages expires, the code a rollback redeploys never does
        assertThat(codePrefix).isNotBlank();
        assertThat(expiringPrefixes).as("prefixes whose objects expire").isNotEmpty()
                .allSatisfy(prefix -> assertThat(codeObject).as("packaged code under %s", prefix).doesNotStartWith(prefix))
                .anySatisfy(prefix -> assertThat(runArtifact).startsWith(prefix));
        assertThat(at(bucket, "VersioningConfiguration", "Status")).contains("Enabled");
    }

    private Map<String, String> guardEnvironment() {
        return environment("StackGuardProject");
    }

    private Map<String, String> buildEnvironment() {
        return environment("BuildProject");
    }

    /** A CodeBuild project's environment variables, resolved for the pipeline stack. */
    private Map<String, String> environment(String project) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Object item : list(at(pipeline.resource(project).properties(), "Environment", "EnvironmentVariables")
                .orElse(null))) {
            variables.put(String.valueOf(map(item).get("Name")), pipelineStack.resolve(map(item).get("Value")));
        }
        return variables;
    }

    private static boolean isStackGuard(Map<String, Object> action) {
        return "CodeBuild".equals(map(action.get("ActionTypeId")).get("Provider"))
                && Map.of("Ref", "StackGuardProject").equals(map(action.get("Configuration")).get("ProjectName"));
    }

    /** The APP_STACK a CodeBuild action passes to its project. */
    private Optional<String> appStackOf(Map<String, Object> action) {
        Object variables = map(action.get("Configuration")).get("EnvironmentVariables");
        if (variables == null) {
            return Optional.empty();
        }
        try {
            for (Object item : list(Json.read(pipelineStack.resolve(variables)))) {
                if ("APP_STACK".equals(map(item).get("name"))) {
                    return Optional.of(String.valueOf(map(item).get("value")));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("EnvironmentVariables of " + action.get("Name") + " is not JSON", e);
        }
        return Optional.empty();
    }

    private static int runOrder(Map<String, Object> action) {
        return action.get("RunOrder") == null ? 1 : Integer.parseInt(String.valueOf(action.get("RunOrder")));
    }
}
