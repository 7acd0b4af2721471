package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearPythonOverride() {
        System.clearProperty(MotoServer.PYTHON_SETTING);
    }

    @Test
    void start_shouldAnswerOn127001Only() throws Exception {
        try (MotoServer server = MotoServer.start()) {
            assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(connects("127.0.0.1", server.port())).isTrue();
            // Another loopback address reaches any socket bound to all interfaces, but not one bound to 127.0.0.1.
            assertThat(connects("127.0.0.2", server.port())).as("listening beyond 127.0.0.1").isFalse();
            server.reset();
        }
    }

    @Test
    void close_shouldStopTheProcess_andFreeThePort() throws Exception {
        MotoServer server = MotoServer.start();
        long pid = server.pid();
        int port = server.port();

        server.close();
        server.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(server.isAlive()).isFalse();
        assertThat(connects("127.0.0.1", port)).as("port still open after close()").isFalse();
    }

    @Test
    void start_shouldSayHowToInstallMoto_whenThePythonExecutableDoesNotExist() {
        assertThatThrownBy(() -> MotoServer.builder().python("/nonexistent/python3").start())
                .isInstanceOf(MotoStartException.class)
                .hasMessageStartingWith("cannot run '/nonexistent/python3' to start the moto AWS emulator")
                .hasMessageContaining("pip install \"moto[server]\"")
                .hasMessageContaining("FIREBELL_PYTHON");
    }

    @Test
    void start_shouldTakeThePythonFromTheFirebellPythonProperty() {
        System.setProperty(MotoServer.PYTHON_SETTING, "/nonexistent/python-from-property");

        assertThatThrownBy(MotoServer::start)
                .isInstanceOf(MotoStartException.class)
                .hasMessageStartingWith("cannot run '/nonexistent/python-from-property'");
    }

    @Test
    void start_shouldQuoteMotosLastOutput_whenItExitsBeforeAnswering() throws Exception {
        Path python = script("echo 'Traceback (most recent call last):'\n"
                + "echo \"ModuleNotFoundError: No module named 'moto'\"\nexit 1\n");

        assertThatThrownBy(() -> MotoServer.builder().python(python.toString()).logFile(dir.resolve("moto.log")).start())
                .isInstanceOf(MotoStartException.class)
                .hasMessageContaining("exited with code 1 before answering")
                .hasMessageContaining("pip install \"moto[server]\"")
                .hasMessageEndingWith("Traceback (most recent call last):\nModuleNotFoundError: No module named 'moto'");
    }

    @Test
    void start_shouldGiveUpAndStopTheProcess_whenMotoDoesNotAnswerInTime() throws Exception {
        Path python = script("echo \"pid $$\"\nexec sleep 60\n");
        Path log = dir.resolve("moto.log");

        assertThatThrownBy(() -> MotoServer.builder().python(python.toString()).logFile(log)
                .startupTimeout(Duration.ofMillis(300)).start())
                .isInstanceOf(MotoStartException.class)
                .hasMessageContaining("did not answer on http://127.0.0.1:")
                .hasMessageContaining("within 300 ms")
                .hasMessageContaining("pid ");

        long pid = Long.parseLong(Files.readString(log).trim().substring("pid ".length()));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
    }

    @Test
    void motoShouldStop_whenItsJvmIsTerminated() throws Exception {
        assertMotoDiesWithItsJvm(Process::destroy);
    }

    @Test
    void motoShouldStop_whenItsJvmIsKilledWithoutRunningShutdownHooks() throws Exception {
        assertMotoDiesWithItsJvm(Process::destroyForcibly);
    }

    private void assertMotoDiesWithItsJvm(Consumer<Process> kill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MotoChild.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            assertThat(line).as("the child JVM's first line").startsWith("moto ");
            String[] fields = line.split(" ");
            ProcessHandle moto = ProcessHandle.of(Long.parseLong(fields[1])).orElseThrow();
            int port = Integer.parseInt(fields[2]);
            assertThat(connects("127.0.0.1", port)).isTrue();

            kill.accept(jvm);

            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
            moto.onExit().get(10, TimeUnit.SECONDS);
            assertThat(connects("127.0.0.1", port)).isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    private Path script(String body) throws IOException {
        Path script = dir.resolve("fake-python");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static boolean connects(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

}
