package dev.firebell.local.junit;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one moto per test JVM and gives every test class a freshly provisioned template.
 *
 * <ul>
 *   <li>The {@link LocalStack} lives in the root context's store: started by the first class that needs it, closed
 *       by JUnit when the run ends (it is {@link AutoCloseable}), and by moto's JVM shutdown hook if the run is
 *       killed first. Its SDK settings are exported, so production code's default clients reach it.</li>
 *   <li>Before each test class: reset, then provision the template ({@link SamTemplate#locate()}), so no class sees
 *       another's items. {@code @Nested} classes share their enclosing class's resources.</li>
 *   <li>Parameters of type {@link LocalStack} and {@link LocalResources} are injected into test constructors and
 *       methods (also with {@code @TestInstance(PER_CLASS)}, where the constructor runs before {@code beforeAll}).</li>
 * </ul>
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    /** The {@code @ResourceLock} that keeps classes sharing the emulator from running in parallel. */
    public static final String RESOURCE_LOCK = "dev.firebell.local.LocalStack";

    private static final Namespace NAMESPACE = Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Again for every class: something else in the JVM (a nested JUnit run, a test) may have changed them.
        stack(context).exportSdkSettings();
        resources(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalStack.class || type == LocalResources.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class ? stack(context) : resources(context);
    }

    /** The JVM's one stack, started on first use. */
    public static LocalStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalStack.class, key -> {
            LocalStack stack = LocalStack.start();
            stack.exportSdkSettings();
            return stack;
        }, LocalStack.class);
    }

    /** The template, read once per run. */
    public static SamTemplate template(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SamTemplate.class, key -> SamTemplate.load(SamTemplate.locate()), SamTemplate.class);
    }

    /** The resources of the test class in context, provisioned on a reset emulator the first time it is asked. */
    public static LocalResources resources(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        // The lookup also searches enclosing contexts, which is how @Nested classes reuse their outer class's.
        Store store = classContext.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(LocalResources.class, key -> {
            LocalStack stack = stack(context);
            stack.reset();
            return stack.provision(template(context));
        }, LocalResources.class);
    }
}
