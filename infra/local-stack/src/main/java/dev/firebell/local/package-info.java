/**
 * AWS on 127.0.0.1 for tests and the CLI, built from template.yaml's own resource definitions.
 *
 * <ul>
 *   <li>{@link dev.firebell.local.SamTemplate}: the template as data (short-form tags in JSON form, Globals merged
 *       into functions).</li>
 *   <li>{@link dev.firebell.local.MotoServer}: the moto emulator as a child process that cannot outlive the JVM.</li>
 *   <li>{@link dev.firebell.local.LocalStack}: SDK clients for it, {@code provision(template)} and
 *       {@code exportSdkSettings()} for code that builds its clients the default way.</li>
 *   <li>{@link dev.firebell.local.LocalResources}: logical id to physical names, intrinsic evaluation, and a
 *       function's resolved environment.</li>
 *   <li>{@link dev.firebell.local.junit.LocalStackTest}: the JUnit 5 entry point for integration tests.</li>
 * </ul>
 */
package dev.firebell.local;
