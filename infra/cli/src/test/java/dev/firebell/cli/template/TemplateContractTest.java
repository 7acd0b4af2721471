package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.local.FunctionSpec;
import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.junit.LocalStackTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every AWS::Serverless::Function of template.yaml against the code and the build: the handler it names exists and
 * has the shape Lambda calls, its CodeUri is the zip its Maven module builds, and its environment is exactly what the
 * handler reads, checked by building each handler's real object graph against the emulator.
 */
@LocalStackTest
class TemplateContractTest {

    /** What the project's functions run on; a function wanting another runtime should change this deliberately. */
    private static final String RUNTIME = "java21";
    private static final List<String> ARCHITECTURES = List.of("arm64");

    private static final Pattern CODE_URI = Pattern.compile("functions/([^/]+)/target/([^/]+)\\.zip");

    private final LocalResources resources;
    private final SamTemplate template;
    private final Path root = ProjectFiles.root();

    TemplateContractTest(LocalResources resources) {
        this.resources = resources;
        this.template = resources.template();
    }

    static Stream<String> functions() {
        return SamTemplate.load(ProjectFiles.template()).functionIds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_shouldBeARequestStreamHandler_withTheNamedMethodAndTheConstructorsLambdaAndTestsUse(String id) {
        FunctionSpec function = template.function(id);
        assertThat(function.handler()).as("%s Handler", id).isNotBlank().contains("::");

        Class<?> handler = handlerClass(function);

        assertThat(RequestStreamHandler.class).as("%s: %s", id, handler.getName()).isAssignableFrom(handler);
        assertThat(Modifier.isAbstract(handler.getModifiers())).as("%s is abstract", handler.getName()).isFalse();
        Method method = publicMethod(handler, function.handlerMethod(), InputStream.class, OutputStream.class, Context.class);
        assertThat(method).as("%s: public %s(InputStream, OutputStream, Context) in %s", id, function.handlerMethod(),
                handler.getName()).isNotNull();
        assertThat(Modifier.isStatic(method.getModifiers())).isFalse();
        // Lambda instantiates the handler with its no-arg constructor; tests and the local runner use the other one.
        assertThat(publicConstructor(handler)).as("%s: public no-arg constructor", handler.getName()).isPresent();
        assertThat(publicConstructor(handler, FunctionEnvironment.class))
                .as("%s: public constructor taking a FunctionEnvironment", handler.getName()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void codeUri_shouldBeTheZipThatTheFunctionsMavenModulePackages(String id) throws Exception {
        FunctionSpec function = template.function(id);
        assertThat(function.codeUri()).as("%s CodeUri", id).isNotNull();
        Matcher codeUri = CODE_URI.matcher(function.codeUri());
        assertThat(codeUri.matches()).as("%s CodeUri '%s' is of the form functions/<dir>/target/<artifactId>.zip", id,
                function.codeUri()).isTrue();
        String dir = codeUri.group(1);
        String zipName = codeUri.group(2);
        Path modulePom = root.resolve("functions").resolve(dir).resolve("pom.xml");
        assertThat(modulePom).as("%s: the module CodeUri points into", id).isRegularFile();

        // THEN the module is the one named by the zip, is built by the reactor, and packages <artifactId>.zip
        Pom module = Pom.read(modulePom);
        assertThat(module.artifactId()).as("artifactId of %s", root.relativize(modulePom)).isEqualTo(zipName);
        assertThat(Pom.read(root.resolve("pom.xml")).modules()).as("modules of the root pom")
                .contains("functions/" + dir);
        Element assembly = module.pluginConfiguration("maven-assembly-plugin")
                .orElseThrow(() -> new AssertionError(root.relativize(modulePom) + " (or a parent) does not configure"
                        + " maven-assembly-plugin, so mvn package builds no zip"));
        assertThat(text(assembly, "finalName").replace("${project.artifactId}", module.artifactId()))
                .as("maven-assembly-plugin finalName for %s", dir).isEqualTo(zipName);
        assertThat(text(assembly, "appendAssemblyId")).as("appendAssemblyId (else the zip is <name>-<id>.zip)")
                .isEqualTo("false");
        List<String> formats = new ArrayList<>();
        for (String descriptor : texts(assembly, "descriptor")) {
            Path file = Path.of(descriptor.replace("${maven.multiModuleProjectDirectory}", root.toString())
                    .replace("${project.basedir}", modulePom.getParent().toString()));
            formats.addAll(texts(xml(file).getDocumentElement(), "format"));
        }
        assertThat(formats).as("assembly formats for %s", dir).containsExactly("zip");

        // AND the handler class is compiled by that module (not by a module that merely depends on it)
        Path classes = Path.of(handlerClass(function).getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.endsWith(Path.of("functions", dir, "target", "classes"))
                || classes.getFileName().toString().startsWith(module.artifactId() + "-"))
                .as("%s comes from %s, not from module functions/%s", function.handlerClass(), classes, dir)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void runtime_shouldBeJava21OnArm64_afterGlobals(String id) {
        FunctionSpec function = template.function(id);

        assertThat(function.runtime()).as("%s Runtime (Globals merged)", id).isEqualTo(RUNTIME);
        assertThat(function.properties().get("Architectures")).as("%s Architectures (Globals merged)", id)
                .isEqualTo(ARCHITECTURES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_shouldReadExactlyTheVariablesTheTemplateSets(String id) throws Exception {
        // GIVEN the function's environment as Lambda would set it, resolved against the emulator's resources
        Map<String, String> variables = resources.environmentOf(id);
        FunctionEnvironment environment = new FunctionEnvironment(variables);

        // WHEN the handler builds its whole object graph
        assertThatCode(() -> construct(template.function(id), environment))
                .as("%s: constructing %s with %s", id, template.function(id).handlerClass(), variables)
                .doesNotThrowAnyException();

        // THEN it read every variable the template sets, and nothing else but what Lambda itself provides
        Set<String> read = environment.namesRead().stream()
                .filter(name -> !providedByLambda(name))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> set = new TreeSet<>(template.function(id).environment().keySet());
        Set<String> readNotSet = new TreeSet<>(read);
        readNotSet.removeAll(set);
        Set<String> setNotRead = new TreeSet<>(set);
        setNotRead.removeAll(read);
        assertThat(read).as("%s: variables read by the code but not set in template.yaml: %s; set in template.yaml"
                + " but never read: %s", id, readNotSet, setNotRead).isEqualTo(set);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_shouldFailNamingTheVariable_whenTheTemplateDoesNotSetIt(String id) {
        FunctionSpec function = template.function(id);
        Map<String, String> complete = resources.environmentOf(id);
        assertThat(complete.keySet()).as("%s: every template variable resolves locally", id)
                .isEqualTo(function.environment().keySet());

        for (String name : complete.keySet()) {
            // GIVEN the environment without one variable
            Map<String, String> without = new LinkedHashMap<>(complete);
            without.remove(name);

            // WHEN
            Throwable failure = catchThrowable(() -> construct(function, new FunctionEnvironment(without)));

            // THEN construction fails at init, and the error says which variable
            assertThat(failure).as("%s without %s", id, name).isNotNull();
            assertThat(messages(failure)).as("%s without %s: messages of %s", id, name, failure)
                    .anySatisfy(message -> assertThat(message).contains(name));
        }
    }

    /**
     * SnapStart where someone waits on a cold start (ADRs 0050, 0053), on published versions (the alias Lambda's event
     * sources and the chat URL call); the chat function's handler has the runtime hooks that prime it and refresh what
     * a snapshot must not keep.
     */
    @org.junit.jupiter.api.Test
    void snapStart_shouldBeOnTheAlarmAndChatFunctions_withRuntimeHooksOnChat() {
        Set<String> snapStarted = new TreeSet<>();
        for (String id : template.functionIds()) {
            Object snapStart = template.function(id).properties().get("SnapStart");
            if (snapStart != null) {
                assertThat(snapStart).as("%s SnapStart", id).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
                assertThat(template.function(id).properties()).as("%s: SnapStart applies to published versions only", id)
                        .containsKey("AutoPublishAlias");
                snapStarted.add(id);
            }
        }
        assertThat(snapStarted).containsExactly("AlarmIngestFunction", "ChatFunction");
        assertThat(org.crac.Resource.class).isAssignableFrom(handlerClass(template.function("ChatFunction")));
    }

    /** Lambda's runtime sets AWS_* (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, credentials...) and _HANDLER, _X_AMZN_TRACE_ID. */
    private static boolean providedByLambda(String name) {
        return name.startsWith("AWS_") || name.startsWith("_");
    }

    private static Class<?> handlerClass(FunctionSpec function) {
        try {
            return Class.forName(function.handlerClass(), false, TemplateContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(function.logicalId() + ": Handler class " + function.handlerClass()
                    + " is not on the classpath of infra/cli, which depends on every function module", e);
        }
    }

    private static Object construct(FunctionSpec function, FunctionEnvironment environment) throws Throwable {
        Constructor<?> constructor = publicConstructor(handlerClass(function), FunctionEnvironment.class)
                .orElseThrow(() -> new AssertionError(function.handlerClass() + " has no public (FunctionEnvironment)"
                        + " constructor"));
        try {
            return constructor.newInstance(environment);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Optional<Constructor<?>> publicConstructor(Class<?> type, Class<?>... parameters) {
        try {
            Constructor<?> constructor = type.getConstructor(parameters);
            return Optional.of(constructor);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Method publicMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 20; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    // ---- the little of Maven's POM model these checks need ----

    private record Pom(Path file, Element project) {

        static Pom read(Path file) {
            return new Pom(file, xml(file).getDocumentElement());
        }

        String artifactId() {
            return child(project, "artifactId").map(Node::getTextContent).map(String::trim).orElseThrow();
        }

        List<String> modules() {
            return child(project, "modules").map(modules -> texts(modules, "module")).orElse(List.of());
        }

        /** A plugin's configuration here or in the nearest parent that has one (parents found by relativePath). */
        Optional<Element> pluginConfiguration(String artifactId) {
            Optional<Element> here = child(project, "build").flatMap(build -> child(build, "plugins"))
                    .flatMap(plugins -> children(plugins, "plugin").stream()
                            .filter(plugin -> child(plugin, "artifactId").map(Node::getTextContent)
                                    .map(String::trim).filter(artifactId::equals).isPresent())
                            .findFirst())
                    .flatMap(plugin -> child(plugin, "configuration"));
            if (here.isPresent()) {
                return here;
            }
            return parent().flatMap(parent -> parent.pluginConfiguration(artifactId));
        }

        Optional<Pom> parent() {
            return child(project, "parent").map(parent -> {
                String relativePath = child(parent, "relativePath").map(Node::getTextContent).map(String::trim)
                        .orElse("../pom.xml");
                Path path = file.getParent().resolve(relativePath).normalize();
                return Files.isDirectory(path) ? path.resolve("pom.xml") : path;
            }).filter(Files::isRegularFile).map(Pom::read);
        }
    }

    private static Document xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    /** The trimmed text of every descendant element with this name. */
    private static List<String> texts(Element parent, String name) {
        List<String> result = new ArrayList<>();
        var nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent().trim());
        }
        return result;
    }

    private static String text(Element parent, String name) {
        List<String> values = texts(parent, name);
        assertThat(values).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
        return values.get(0);
    }
}
