package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.local.FunctionSpec;
import dev.firebell.local.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * template.yaml against the code of every function it declares: the handler exists, is built from the environment
 * alone, and reads exactly the variables the template sets (nothing read that is not set, nothing set that is not
 * read); its artifact is the module's zip; its logs go to a log group with a retention.
 */
class TemplateFunctionsTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate());
    private static String regionBefore;

    static Set<String> functions() {
        return new TreeSet<>(TEMPLATE.functionIds());
    }

    /** Variables whose values the graph checks as it is built (it refuses to start on a malformed one): example values. */
    private static final Map<String, String> CHECKED_AT_INIT = Map.of(
            "PUBLIC_BASE_URL", "https://4uzzxkbmqvl2gqvsdxqrvtd6pe0ozvzx.lambda-url.eu-west-1.on.aws/",
            "LINK_VALIDITY_HOURS", "24",
            "SMS_REPLIES", "off");

    /** SDK clients need a region to be built (no call is made); nothing else comes from this machine. */
    @BeforeAll
    static void region() {
        regionBefore = System.getProperty("aws.region");
        System.setProperty("aws.region", "eu-west-1");
    }

    @AfterAll
    static void restore() {
        if (regionBefore == null) {
            System.clearProperty("aws.region");
        } else {
            System.setProperty("aws.region", regionBefore);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_shouldReadExactlyTheEnvironmentTheTemplateSets(String function) throws Exception {
        FunctionSpec spec = TEMPLATE.function(function);
        Map<String, String> variables = new LinkedHashMap<>();
        spec.environment().keySet().forEach(name -> variables.put(name, CHECKED_AT_INIT.getOrDefault(name,
                "value-of-" + name)));
        FunctionEnvironment environment = new FunctionEnvironment(variables);

        Class<?> type = Class.forName(spec.handlerClass());
        Object handler = type.getConstructor(FunctionEnvironment.class).newInstance(environment);

        assertThat(handler).isInstanceOf(RequestStreamHandler.class);
        assertThat(spec.handlerMethod()).isEqualTo("handleRequest");
        // AWS_* are the runtime's and the SDK's own settings (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME...), never the template's.
        Set<String> read = environment.namesRead().stream().filter(n -> !n.startsWith("AWS_"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(read).as(function + " reads what template.yaml sets").isEqualTo(new TreeSet<>(variables.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void function_shouldDeployItsModulesZip_andLogWithARetention(String function) {
        FunctionSpec spec = TEMPLATE.function(function);
        assertThat(spec.codeUri()).matches("functions/([a-z-]+)/target/\\1\\.zip");

        boolean logged = TEMPLATE.resources().values().stream()
                .filter(r -> r.type().equals("AWS::Logs::LogGroup"))
                .filter(r -> r.properties().get("RetentionInDays") != null)
                .anyMatch(r -> String.valueOf(r.properties().get("LogGroupName")).contains(function)
                        || String.valueOf(spec.properties().get("LoggingConfig")).contains(r.logicalId()));
        assertThat(logged).as(function + " has a log group with a retention").isTrue();
    }
}
