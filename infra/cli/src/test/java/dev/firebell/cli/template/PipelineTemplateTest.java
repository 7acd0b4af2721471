package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * infra/pipeline against itself, the application template, the README and the code: every reference resolves, the
 * security rules of the application template hold for it too, the build runs the README's test command and packages
 * every file the later stages read, the stage files set only (and all) the parameters template.yaml needs, with values
 * it accepts, the configuration step reads outputs template.yaml has, its role grants what {@code config diff} and
 * {@code config apply} call, and the deploy role is scoped wherever IAM allows.
 */
class PipelineTemplateTest {

    private static final Path DIR = PipelineFiles.DIR;
    private static final Pattern OUTPUT_KEY = Pattern.compile("OutputKey=='([A-Za-z0-9]+)'");

    private final SamTemplate pipeline = PipelineFiles.pipeline();
    private final SamTemplate app = SamTemplate.load(ProjectFiles.template());

    @Test
    void references_shouldAllResolve() {
        TemplateReferences references = new TemplateReferences(pipeline);
        List<String> problems = new ArrayList<>(references.referenceProblems());
        problems.addAll(references.conditionProblems());
        problems.addAll(references.outputProblems());
        problems.addAll(references.dependsOnProblems());
        assertThat(problems).as(lines(problems)).isEmpty();
    }

    @Test
    void securityRules_shouldHoldForThePipelineToo() {
        TemplateSecurity security = new TemplateSecurity(pipeline);
        List<String> findings = new ArrayList<>(security.unprotectedBuckets());
        findings.addAll(security.unencryptedTopics());
        findings.addAll(security.unscopedPolicyStatements());
        findings.addAll(security.plaintextSecrets());
        assertThat(findings).as(lines(findings)).isEmpty();
    }

    @Test
    void build_shouldRunTheReadmesTestCommand_andTheDemo() throws IOException {
        List<String> commands = PipelineFiles.buildCommands();
        String readmeTest = readmeCommand("mvn ");

        assertThat(readmeTest).isEqualTo("mvn -B verify");
        assertThat(commands).as("build commands of buildspec.yml").contains(readmeTest);
        assertThat(commands).anySatisfy(command -> assertThat(command).contains("firebell demo"));
        assertThat(commands.indexOf(readmeTest)).as("the tests run before anything is packaged")
                .isLessThan(indexOfContaining(commands, "cloudformation package"));
        assertThat(pipeline.resource("BuildProject").properties()).extracting(p -> at(p, "Source", "BuildSpec")
                .orElseThrow()).isEqualTo(ProjectFiles.root().relativize(DIR.resolve("buildspec.yml")).toString());
    }

    @Test
    void laterStages_shouldReadOnlyFilesTheBuildPackages() {
        String packageCommand = PipelineFiles.buildCommandContaining("cloudformation package");
        Set<String> read = new TreeSet<>();
        for (Map<String, Object> action : actions()) {
            Map<String, Object> configuration = map(action.get("Configuration"));
            for (String key : List.of("TemplatePath", "TemplateConfiguration")) {
                if (configuration.get(key) instanceof String path) {
                    assertThat(path).as("%s of %s", key, action.get("Name")).startsWith("Packaged::");
                    read.add(path.substring("Packaged::".length()));
                }
            }
        }

        assertThat(read).contains("packaged.yaml", "infra/pipeline/stage-staging.json", "infra/pipeline/stage-prod.json");
        assertThat(packageCommand).contains("--template-file template.yaml").contains("--output-template-file packaged.yaml");
        for (String file : read) {
            assertThat(PipelineFiles.packaged(file)).as("buildspec artifacts packaging %s", file).isTrue();
            if (!file.equals("packaged.yaml")) {
                assertThat(ProjectFiles.root().resolve(file)).isRegularFile();
            }
        }
        // The configuration step runs the CLI the build tested: the script and its classpath are packaged.
        for (String file : List.of("firebell", "infra/cli/target/classes/dev/firebell/cli/Main.class",
                "infra/cli/target/lib/picocli.jar", "infra/config/firebell.example.yaml")) {
            assertThat(PipelineFiles.packaged(file)).as("buildspec artifacts packaging %s", file).isTrue();
        }
    }

    @Test
    void stageFiles_shouldSetOnlyAndAllTheParametersTheAppNeeds_withValuesItAccepts() throws IOException {
        for (String stage : PipelineFiles.stages()) {
            Path file = DIR.resolve("stage-" + stage + ".json");
            Map<String, Object> config = Json.readObject(Files.readString(file));
            Map<String, Object> parameters = map(config.get("Parameters"));

            assertThat(config.keySet()).as("%s sections", file.getFileName()).isSubsetOf("Parameters", "Tags",
                    "StackPolicy");
            assertThat(app.parameters().keySet()).as("parameters of template.yaml named by %s", file.getFileName())
                    .containsAll(parameters.keySet());
            app.parameters().values().stream().filter(p -> !p.hasDefault()).forEach(p -> assertThat(parameters)
                    .as("%s sets %s, which has no Default", file.getFileName(), p.name()).containsKey(p.name()));
            assertThat(parameters.get("Stage")).as("%s Stage", file.getFileName()).isEqualTo(stage);
            parameters.forEach((name, value) -> {
                SamTemplate.Parameter parameter = app.parameters().get(name);
                String text = String.valueOf(value);
                if (parameter.raw().get("AllowedPattern") instanceof String pattern) {
                    assertThat(text).as("%s %s against AllowedPattern %s", file.getFileName(), name, pattern)
                            .matches(pattern);
                }
                if (parameter.raw().get("AllowedValues") instanceof List<?> allowed) {
                    assertThat(allowed.stream().map(String::valueOf).toList())
                            .as("%s %s AllowedValues", file.getFileName(), name).contains(text);
                }
            });
        }
    }

    /**
     * Reserving concurrency fails the deployment in an account whose quota leaves no room for it (new accounts: 10, of
     * which AWS keeps 100 unreserved, so none): each stage file chooses, and docs/pipeline.md says what they reserve.
     */
    @Test
    void stageFiles_shouldChooseEveryConcurrencyReservation_andTheDocsSayWhatTheyReserve() throws IOException {
        List<String> choices = app.parameters().keySet().stream().filter(name -> name.contains("Concurrency")).toList();
        StackArns pipelineStack = PipelineFiles.pipelineStack("firebell");
        int reservedByAll = 0;
        for (String stage : PipelineFiles.stages()) {
            Map<String, Object> parameters = PipelineFiles.stageParameters(stage);
            assertThat(parameters).as("stage-%s.json", stage).containsKeys(choices.toArray(String[]::new));
            reservedByAll += reservedConcurrency(PipelineFiles.appStack(pipelineStack, stage));

            Map<String, Object> reserveNothing = new LinkedHashMap<>(parameters);
            reserveNothing.put("ReserveConcurrency", "false");
            reserveNothing.put("ChatReservedConcurrency", "none");
            assertThat(reservedConcurrency(PipelineFiles.appStack(pipelineStack, stage, reserveNothing)))
                    .as("%s with nothing reserved, for an account whose quota is 10", stage).isZero();
        }

        assertThat(choices).containsExactlyInAnyOrder("ReserveConcurrency", "ChatReservedConcurrency");
        assertThat(reservedByAll).isPositive();
        assertThat(Files.readString(ProjectFiles.root().resolve("docs/pipeline.md")))
                .as("docs/pipeline.md on what the stage files reserve")
                .contains("reserve " + reservedByAll + " concurrent executions")
                .contains("at least " + (100 + reservedByAll));
    }

    @Test
    void stacks_shouldBeDeployedWithTheStageFileOfTheirName() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Map<String, Object> action : actions()) {
            Map<String, Object> configuration = map(action.get("Configuration"));
            if (configuration.get("StackName") != null) {
                String stack = String.valueOf(TemplateData.intrinsicArgument(configuration.get("StackName")));
                files.put(stack, String.valueOf(configuration.get("TemplateConfiguration")));
            }
        }
        assertThat(files).containsOnlyKeys(PipelineFiles.stages().stream().map(s -> "${AppStackName}-" + s)
                .toArray(String[]::new));
        files.forEach((stack, file) -> assertThat(file)
                .isEqualTo("Packaged::infra/pipeline/stage-" + stack.substring(stack.indexOf('-') + 1) + ".json"));
    }

    @Test
    void configStep_shouldReadOutputsTheAppHas_andCheckSubscriptionsToo() {
        String buildspec = String.valueOf(at(pipeline.resource("ConfigProject").properties(), "Source", "BuildSpec")
                .orElseThrow());
        Set<String> outputs = new TreeSet<>();
        Matcher output = OUTPUT_KEY.matcher(buildspec);
        while (output.find()) {
            outputs.add(output.group(1));
        }

        assertThat(outputs).containsExactlyInAnyOrder("IncidentsTableName", "PageTopicArn");
        assertThat(app.outputs().keySet()).containsAll(outputs);
        assertThat(buildspec).contains("config diff \"$CONFIG_PATH\" --table \"$TABLE\" --page-topic \"$TOPIC\" || test $? -eq 2")
                .contains("config apply \"$CONFIG_PATH\" --table \"$TABLE\" --page-topic \"$TOPIC\"");
        assertThat(actions()).filteredOn(a -> "ApplyConfiguration".equals(a.get("Name"))).hasSize(2)
                .allSatisfy(a -> assertThat(String.valueOf(a.get("InputArtifacts"))).contains("Packaged"));
    }

    @Test
    void configRole_shouldGrantWhatConfigDiffAndApplyCall_andNothingElseOfTheirServices() throws Exception {
        // GIVEN the AWS calls of `config diff` and `config apply` (the emulator's package left out: it never runs on AWS)
        Map<String, List<String>> needed = new LinkedHashMap<>();
        for (String command : List.of("dev.firebell.cli.ConfigCommand$Diff", "dev.firebell.cli.ConfigCommand$Apply")) {
            needed.putAll(IamActions.forCode(AwsCallGraph.analyse(Class.forName(command), Set.of("dev/firebell/local/"))));
        }
        Set<String> neededDataActions = needed.keySet().stream()
                .filter(action -> action.startsWith("dynamodb:") || action.startsWith("sns:"))
                .collect(Collectors.toCollection(TreeSet::new));

        // WHEN the config role's grants on those services are read
        Set<String> granted = new TreeSet<>();
        for (Object statement : policyStatements("ConfigRole")) {
            list(map(statement).get("Action")).stream().map(String::valueOf)
                    .filter(action -> action.startsWith("dynamodb:") || action.startsWith("sns:"))
                    .forEach(granted::add);
        }

        // THEN they are the same
        assertThat(neededDataActions).as("needed by the code: %s", needed).contains("dynamodb:BatchWriteItem",
                "sns:Subscribe", "sns:Unsubscribe");
        assertThat(granted).isEqualTo(neededDataActions);
    }

    /**
     * The deploy role has {@code Resource: '*'} only for actions IAM scopes to nothing (the Service Authorization
     * Reference lists no resource type for them: a new key has no ARN yet, a mapping is created before it has an id).
     */
    @Test
    void deployRole_shouldNameResourcesWhereverIamAllows_andGrantNoDataAccess() {
        IamResourceTypes iam = IamResourceTypes.bundled();
        List<String> problems = new ArrayList<>();
        for (Object item : policyStatements("DeployRole")) {
            Map<String, Object> statement = map(item);
            List<String> actions = list(statement.get("Action")).stream().map(String::valueOf).toList();
            boolean everywhere = list(statement.get("Resource")).contains("*");
            for (String action : actions) {
                if (everywhere && !iam.takesOnlyEverything(action)) {
                    problems.add(statement.get("Sid") + ": " + action + " on Resource '*', though IAM scopes it to "
                            + iam.arnPatterns(action).map(String::valueOf).orElse("(not an IAM action)"));
                }
                if (action.equals("*") || action.endsWith(":*") && !action.equals("codedeploy:*")) {
                    problems.add(statement.get("Sid") + ": " + action + " grants a whole service");
                }
                for (String data : List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "s3:GetObject",
                        "sns:Publish", "sqs:ReceiveMessage", "lambda:InvokeFunction", "kms:Decrypt")) {
                    boolean unconditionedData = TemplateSecurity.globsOverlap(action, data)
                            && !statement.containsKey("Condition") && !action.startsWith("s3:GetObject");
                    if (unconditionedData) {
                        problems.add(statement.get("Sid") + ": " + action + " reads or runs application data (" + data
                                + ")");
                    }
                }
            }
        }
        assertThat(problems).as(String.join(System.lineSeparator(), problems)).isEmpty();
        // The packaged code is the only object it reads, in the artifact bucket.
        assertThat(policyStatements("DeployRole")).filteredOn(s -> list(map(s).get("Action")).contains("s3:GetObject"))
                .singleElement().satisfies(s -> assertThat(String.valueOf(map(s).get("Resource")))
                        .contains("ArtifactBucket.Arn"));
    }

    // ---- reading the files ----

    /** The concurrency the stack's functions reserve, for its parameters. */
    private static int reservedConcurrency(StackArns stack) {
        int reserved = 0;
        for (SamTemplate.Resource function : stack.template().resources().values()) {
            if (function.type().equals("AWS::Lambda::Function") && stack.exists(function.logicalId())) {
                String value = stack.resolve(function.properties().get("ReservedConcurrentExecutions"));
                reserved += value == null ? 0 : Integer.parseInt(value);
            }
        }
        return reserved;
    }

    private static int indexOfContaining(List<String> commands, String text) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no command contains '" + text + "': " + commands);
    }

    /** The first command starting with {@code prefix} in the README's fenced code blocks, comment removed. */
    private static String readmeCommand(String prefix) throws IOException {
        boolean inCode = false;
        for (String line : Files.readAllLines(ProjectFiles.root().resolve("README.md"))) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && line.startsWith(prefix)) {
                return line.replaceFirst("\\s+#.*$", "").strip();
            }
        }
        throw new AssertionError("README.md has no '" + prefix + "...' command in a code block");
    }

    private List<Map<String, Object>> actions() {
        return PipelineFiles.actions(pipeline);
    }

    private List<Object> policyStatements(String role) {
        return PipelineFiles.policyStatements(pipeline, role);
    }
}
