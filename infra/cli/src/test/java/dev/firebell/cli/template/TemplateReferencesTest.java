package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every name template.yaml refers to exists: a parameter, a pseudo parameter, a resource, or a resource SAM
 * generates under a documented logical id or referenceable property. CloudFormation would reject the others at
 * deploy time; here they fail in milliseconds with the line to fix.
 */
class TemplateReferencesTest {

    private final SamTemplate template = SamTemplate.load(ProjectFiles.template());
    private final TemplateReferences references = new TemplateReferences(template);

    @Test
    void references_shouldNameAParameterPseudoParameterResourceOrSamGeneratedResource() {
        assertThat(references.referenceProblems()).as(lines(references.referenceProblems())).isEmpty();
    }

    @Test
    void conditions_shouldBeDefined_whereverAResourceOutputOrFnIfNamesOne() {
        assertThat(references.conditionProblems()).as(lines(references.conditionProblems())).isEmpty();
    }

    @Test
    void outputs_shouldHaveAValue_thatResolves() {
        assertThat(references.outputProblems()).as(lines(references.outputProblems())).isEmpty();
    }

    @Test
    void dependsOn_shouldNameResources() {
        assertThat(references.dependsOnProblems()).as(lines(references.dependsOnProblems())).isEmpty();
    }

    @Test
    void generatedNames_shouldFollowTheFunctionsProperties_asSamDocumentsThem() {
        // GIVEN a function that publishes an alias and has SAM create its role, and one that brings its own role
        TemplateReferences checker = new TemplateReferences(SamTemplate.load(mistakes()));

        // THEN
        assertThat(checker.generated()).containsEntry("LiveFunctionRole", "AWS::IAM::Role")
                .containsEntry("LiveFunctionAliaslive", "AWS::Lambda::Alias")
                .doesNotContainKey("RoleFunctionRole")
                .doesNotContainKey("RoleFunctionAliaslive");
        assertThat(checker.referenceableProperties()).contains("LiveFunction.Alias", "LiveFunction.Version")
                .doesNotContain("RoleFunction.Alias");
    }

    @Test
    void checks_shouldReportExactlyTheWrongReferences_withTheirLines() {
        // GIVEN a template whose wrong references are marked "# wrong:", next to valid references of every kind
        Path file = mistakes();
        TemplateReferences checker = new TemplateReferences(SamTemplate.load(file));

        // WHEN
        List<String> problems = new ArrayList<>();
        problems.addAll(checker.referenceProblems());
        problems.addAll(checker.conditionProblems());
        problems.addAll(checker.outputProblems());
        problems.addAll(checker.dependsOnProblems());

        // THEN every marked line is reported, and nothing else
        assertThat(linesOf(problems)).as(lines(problems)).containsExactlyInAnyOrderElementsOf(markedLines(file));
        assertThat(problems).as(lines(problems))
                .anySatisfy(problem -> assertThat(problem).contains("MissingTable"))
                .anySatisfy(problem -> assertThat(problem).contains("has no attribute Url; it has Arn, QueueName, QueueUrl"))
                .anySatisfy(problem -> assertThat(problem).contains("${Ghost.TopicName}"))
                .anySatisfy(problem -> assertThat(problem).contains("names condition IsHuge"))
                .anySatisfy(problem -> assertThat(problem).contains("Condition IsStaging"))
                .anySatisfy(problem -> assertThat(problem).contains("DependsOn Nowhere"))
                .anySatisfy(problem -> assertThat(problem).contains("!Ref RoleFunction.Alias"))
                .anySatisfy(problem -> assertThat(problem).contains("!GetAtt RoleFunctionRole.Arn"))
                .anySatisfy(problem -> assertThat(problem).contains("use !Ref LiveFunction.Version"))
                .anySatisfy(problem -> assertThat(problem).contains("can only refer to parameters"))
                .anySatisfy(problem -> assertThat(problem).contains("Outputs.Nothing has no Value"));
    }

    private static Path mistakes() {
        return ProjectFiles.testTemplate("reference-mistakes.yaml");
    }

    /** The lines a problem list points at ("file line N: ..."), once each. */
    static List<Integer> linesOf(List<String> problems) {
        Pattern line = Pattern.compile("^\\S+ line (\\d+):");
        return problems.stream().map(line::matcher).filter(Matcher::find)
                .map(matcher -> Integer.parseInt(matcher.group(1))).distinct().toList();
    }

    /** The lines of a test template carrying a "# wrong:" comment. */
    static List<Integer> markedLines(Path file) {
        try {
            List<String> text = Files.readAllLines(file);
            List<Integer> marked = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i).contains("# wrong:")) {
                    marked.add(i + 1);
                }
            }
            return marked;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String lines(List<String> problems) {
        return problems.stream().collect(Collectors.joining(System.lineSeparator()));
    }
}
