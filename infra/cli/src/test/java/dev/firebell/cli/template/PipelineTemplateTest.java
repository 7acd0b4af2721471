package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.nio.file.FileSystems;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * infra/pipeline against itself, the application template, the README and the code: every reference resolves, the
 * security rules of the application template hold for it too, the build runs the README's test command and packages
 * every file the later stages read, the stage files set only (and all) the parameters template.yaml needs, with values
 * it accepts, the configuration step reads outputs template.yaml has, its role grants what {@code config diff} and
 * {@code config apply} call, and the deploy role is scoped wherever IAM allows.
 */
class PipelineTemplateTest {

    private static final Path DIR = ProjectFiles.root().resolve("infra/pipeline");
    private static final Pattern OUTPUT_KEY = Pattern.compile("OutputKey=='([A-Za-z0-9]+)'");

    /**
     * Actions the deploy role may have on {@code Resource: '*'}, each because IAM offers nothing narrower: a new key
     * has no ARN yet; ListAliases and DescribeAlarms are not scoped by IAM; an event source mapping is created before it
     * has an id (its statement is conditioned on the function instead).
     */
    private static final Set<String> UNSCOPABLE = Set.of("kms:CreateKey", "kms:ListAliases", "cloudwatch:DescribeAlarms",
            "lambda:CreateEventSourceMapping");

    private final SamTemplate pipeline = SamTemplate.load(DIR.resolve("pipeline.yaml"));
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
        List<String> commands = buildCommands();
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
    void laterStages_shouldReadOnlyFilesTheBuildPackages() throws IOException {
        List<String> globs = list(at(buildspec(), "artifacts", "files").orElseThrow()).stream().map(String::valueOf)
                .toList();
        String packageCommand = buildCommands().get(indexOfContaining(buildCommands(), "cloudformation package"));
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
            assertThat(globs).as("buildspec artifacts packaging %s", file)
                    .anySatisfy(glob -> assertThat(matches(glob, file)).isTrue());
            if (!file.equals("packaged.yaml")) {
                assertThat(ProjectFiles.root().resolve(file)).isRegularFile();
            }
        }
        // The configuration step runs the CLI the build tested: the script and its classpath are packaged.
        for (String file : List.of("firebell", "infra/cli/target/classes/dev/firebell/cli/Main.class",
                "infra/cli/target/lib/picocli.jar", "infra/config/firebell.example.yaml")) {
            assertThat(globs).as("buildspec artifacts packaging %s", file)
                    .anySatisfy(glob -> assertThat(matches(glob, file)).isTrue());
        }
    }

    @Test
    void stageFiles_shouldSetOnlyAndAllTheParametersTheAppNeeds_withValuesItAccepts() throws IOException {
        for (String stage : stages()) {
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
        assertThat(files).containsOnlyKeys(stages().stream().map(s -> "${AppStackName}-" + s).toArray(String[]::new));
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

    @Test
    void deployRole_shouldNameResourcesWhereverIamAllows_andGrantNoDataAccess() {
        List<String> problems = new ArrayList<>();
        for (Object item : policyStatements("DeployRole")) {
            Map<String, Object> statement = map(item);
            List<String> actions = list(statement.get("Action")).stream().map(String::valueOf).toList();
            boolean everywhere = list(statement.get("Resource")).contains("*");
            for (String action : actions) {
                if (everywhere && !UNSCOPABLE.contains(action)) {
                    problems.add(statement.get("Sid") + ": " + action + " on Resource '*'");
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

    private Map<String, Object> buildspec() throws IOException {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DIR.resolve("buildspec.yml"))));
    }

    private List<String> buildCommands() throws IOException {
        return list(at(buildspec(), "phases", "build", "commands").orElseThrow()).stream().map(String::valueOf)
                .map(String::strip).toList();
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
        List<Map<String, Object>> actions = new ArrayList<>();
        for (Object stage : list(pipeline.resource("Pipeline").properties().get("Stages"))) {
            list(map(stage).get("Actions")).forEach(action -> actions.add(map(action)));
        }
        return actions;
    }

    private List<Object> policyStatements(String role) {
        List<Object> statements = new ArrayList<>();
        for (Object policy : list(pipeline.resource(role).properties().get("Policies"))) {
            statements.addAll(list(at(policy, "PolicyDocument", "Statement").orElse(null)));
        }
        return statements;
    }

    /** The stages the pipeline deploys, from its stage files. */
    private static List<String> stages() {
        try (var files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("stage-[a-z0-9-]+\\.json"))
                    .map(n -> n.substring("stage-".length(), n.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CodeBuild's artifact globs: {@code **}{@code /} also matches no directory at all. */
    private static boolean matches(String glob, String file) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(file))
                || FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("**/", "")).matches(Path.of(file));
    }
}
