package dev.firebell.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * An integration test class against the local stack: moto runs (once per test JVM), the SDK's default clients reach
 * it, and the class starts with template.yaml's resources freshly created and empty. Test constructors and methods
 * may take {@link dev.firebell.local.LocalStack} and {@link dev.firebell.local.LocalResources} parameters.
 *
 * <p>Classes that use it never run at the same time (each one resets the shared emulator when it starts).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalStackExtension.class)
@Tag("integration")
@ResourceLock(LocalStackExtension.RESOURCE_LOCK)
public @interface LocalStackTest {
}
