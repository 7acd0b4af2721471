package dev.firebell.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The moto AWS emulator as a child process on 127.0.0.1 and a free port.
 *
 * <p>The process cannot outlive us: {@link #close()} stops it (and anything it spawned), a JVM shutdown hook does
 * the same when a run is interrupted, and moto itself exits when its stdin closes, which also covers a JVM killed
 * with SIGKILL (no hook runs then).
 */
public final class MotoServer implements AutoCloseable {

    /** System property or environment variable naming the Python interpreter that has moto installed. */
    public static final String PYTHON_SETTING = "FIREBELL_PYTHON";

    static final String INSTALL_HINT = "moto is installed with: pip install \"moto[server]\" "
            + "(or set " + PYTHON_SETTING + ", as a system property or environment variable, to a Python that has it)";

    private static final String HOST = "127.0.0.1";
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 25;

    /**
     * Runs moto.server exactly as {@code python3 -m moto.server ARGS} does, with two additions:
     * <ul>
     *   <li>DynamoDB requests are served one at a time. Real DynamoDB checks a transaction's conditions and
     *       applies its writes atomically (transactions are serializable); moto serves requests on parallel
     *       threads without a lock, so two racing TransactWriteItems could both pass attribute_not_exists.
     *       Serializing DynamoDB (only) restores the guarantee our concurrency tests rely on.</li>
     *   <li>A watchdog thread ends the process when stdin reaches end-of-file, i.e. when the JVM that started
     *       it is gone. It reads the raw file descriptor: a thread blocked in buffered sys.stdin makes Python
     *       abort at exit ("could not acquire lock").</li>
     *   <li>TransactWriteItems checks every action's condition first and writes only if all hold, as DynamoDB
     *       does. moto instead writes as it goes and, to be able to roll back, deep-copies the whole table (its
     *       stream records included) once per action of every transaction: each transaction then costs the size of
     *       the table, and a 10,000-event alarm storm takes hours and gigabytes. The results are the same (no two
     *       actions of a transaction may touch one item); a write that still fails puts back the items already
     *       written.</li>
     * </ul>
     */
    private static final String LAUNCHER = String.join("\n",
            "import os, runpy, sys, threading",
            "import moto.moto_server.threaded_moto_server as dispatch",
            "_serve = dispatch.DomainDispatcherApplication.__call__",
            "_dynamodb = threading.Lock()",
            "def _serialized(self, environ, start_response):",
            "    if environ.get('HTTP_X_AMZ_TARGET', '').startswith('DynamoDB'):",
            "        with _dynamodb:",
            "            return list(_serve(self, environ, start_response))",
            "    return _serve(self, environ, start_response)",
            "dispatch.DomainDispatcherApplication.__call__ = _serialized",
            "import copy as _copy",
            "import moto.dynamodb.models as _ddb",
            "def _transact_write_items(self, transact_items):",
            "    if len(transact_items) > 100:",
            "        raise _ddb.TooManyTransactionsException()",
            "    seen, errors, plan = set(), [], []",
            "    for item in transact_items:",
            "        if len(list(item.keys())) > 1:",
            "            raise _ddb.TransactWriteSingleOpException",
            "        original_item = None",
            "        try:",
            "            op_type, op = next(iter(item.items()))",
            "            if op_type not in {'ConditionCheck', 'Put', 'Delete', 'Update'}:",
            "                raise ValueError('Unsupported transaction operation')",
            "            table_name = op['TableName']",
            "            if op_type == 'Put':",
            "                table = self.get_table(table_name)",
            "                key = {table.hash_key_attr: op['Item'][table.hash_key_attr]}",
            "                if table.range_key_attr is not None:",
            "                    key[table.range_key_attr] = op['Item'][table.range_key_attr]",
            "            else:",
            "                key = op['Key']",
            "            unique = (str(table_name), str(dict(sorted(key.items()))))",
            "            if unique in seen:",
            "                raise _ddb.MultipleTransactionsException()",
            "            seen.add(unique)",
            "            current = self.get_item(table_name, key)",
            "            condition = op.get('ConditionExpression')",
            "            if condition is not None and not _ddb.get_filter_expression(condition,",
            "                    op.get('ExpressionAttributeNames'), op.get('ExpressionAttributeValues')).expr(current):",
            "                if op.get('ReturnValuesOnConditionCheckFailure') == 'ALL_OLD' and current:",
            "                    original_item = current.to_json()['Attributes']",
            "                raise _ddb.ConditionalCheckFailed(item=original_item)",
            "            plan.append((op_type, op, table_name, key, _copy.deepcopy(current)))",
            "            errors.append((None, None, None))",
            "        except (_ddb.MultipleTransactionsException, _ddb.MockValidationException):",
            "            raise",
            "        except _ddb.ConditionalCheckFailed as e:",
            "            errors.append(('ConditionalCheckFailed', str(e.message), original_item))",
            "        except Exception as e:",
            "            errors.append((type(e).__name__, str(e), original_item))",
            "    if any(code is not None for code, _, _ in errors):",
            "        raise _ddb.TransactionCanceledException(errors)",
            "    done = []",
            "    try:",
            "        for op_type, op, table_name, key, before in plan:",
            "            names, values = op.get('ExpressionAttributeNames'), op.get('ExpressionAttributeValues')",
            "            done.append((table_name, key, before))",
            "            if op_type == 'Put':",
            "                self.put_item(table_name, op['Item'], expression_attribute_names=names,",
            "                              expression_attribute_values=values)",
            "            elif op_type == 'Delete':",
            "                self.delete_item(table_name, key, expression_attribute_names=names,",
            "                                 expression_attribute_values=values)",
            "            elif op_type == 'Update':",
            "                self.update_item(table_name, key, update_expression=op['UpdateExpression'],",
            "                                 expression_attribute_names=names, expression_attribute_values=values)",
            "    except Exception as e:",
            "        for table_name, key, before in reversed(done):",
            "            if before is None:",
            "                self.delete_item(table_name, key)",
            "            else:",
            "                self.put_item(table_name, before.to_json()['Attributes'])",
            "        if isinstance(e, _ddb.MockValidationException):",
            "            raise",
            "        failed = [(None, None, None)] * len(plan)",
            "        failed[len(done) - 1] = (type(e).__name__, str(e), None)",
            "        raise _ddb.TransactionCanceledException(failed)",
            "_ddb.DynamoDBBackend.transact_write_items = _transact_write_items",
            "def exit_when_parent_is_gone():",
            "    try:",
            "        while os.read(0, 4096):",
            "            pass",
            "    finally:",
            "        os._exit(0)",
            "threading.Thread(target=exit_when_parent_is_gone, daemon=True).start()",
            "runpy.run_module('moto.server', run_name='__main__', alter_sys=True)");

    private final Process process;
    private final int port;
    private final URI endpoint;
    private final Path logFile;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private MotoServer(Process process, int port, Path logFile, Thread shutdownHook) {
        this.process = process;
        this.port = port;
        this.endpoint = URI.create("http://" + HOST + ":" + port);
        this.logFile = logFile;
        this.shutdownHook = shutdownHook;
    }

    /** Starts moto with the defaults: {@code FIREBELL_PYTHON} or python3, a 30 s start timeout. */
    public static MotoServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Python interpreter Firebell runs: {@code FIREBELL_PYTHON} (system property, then environment) or python3. It
     * runs moto here, and cfn-lint and the SAM translator in the template tests.
     */
    public static String python() {
        String property = System.getProperty(PYTHON_SETTING);
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String environment = System.getenv(PYTHON_SETTING);
        return environment != null && !environment.isBlank() ? environment.trim() : "python3";
    }

    /** {@code http://127.0.0.1:PORT}, the endpoint override for every SDK client. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return port;
    }

    /** The moto process id (for diagnostics and tests that check it is gone). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where moto's own output goes; its tail is quoted when moto fails to start. */
    public Path logFile() {
        return logFile;
    }

    /** Forgets every resource and item in every service. */
    public void reset() {
        MotoApi.reset(endpoint);
    }

    /** Stops moto and its child processes; waits until they are gone. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it finds the process already stopped.
        }
    }

    @Override
    public String toString() {
        return "moto " + endpoint + " (pid " + process.pid() + ")";
    }

    /** Options for starting moto. */
    public static final class Builder {

        private String python = MotoServer.python();
        private Duration startupTimeout = Duration.ofSeconds(30);
        private Path logFile;

        private Builder() {
        }

        /** The interpreter to run; default: {@code FIREBELL_PYTHON} (system property, then environment) or python3. */
        public Builder python(String executable) {
            this.python = Objects.requireNonNull(executable, "executable");
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Where moto's output goes; default: target/moto-PORT.log under the working directory, else a temp file. */
        public Builder logFile(Path file) {
            this.logFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Starts moto and returns once it answers HTTP.
         *
         * @throws MotoStartException with moto's last output lines and how to install it
         */
        public MotoServer start() {
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                Path log = logFile != null ? logFile : defaultLogFile(port);
                Process process = launch(port, log);
                Thread hook = new Thread(() -> stop(process), "moto-shutdown-" + port);
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    awaitAnswer(process, port, log);
                    return new MotoServer(process, port, log, hook);
                } catch (PortTaken e) {
                    // Another process took the port between our probe and moto's bind: try a new one.
                    discard(process, hook);
                    if (attempt == PORT_ATTEMPTS) {
                        throw new MotoStartException("moto could not bind a free port on " + HOST + " in "
                                + PORT_ATTEMPTS + " attempts; its last output:\n" + tail(log));
                    }
                } catch (RuntimeException e) {
                    discard(process, hook);
                    throw e;
                }
            }
        }

        private Process launch(int port, Path log) {
            List<String> command = List.of(python, "-c", LAUNCHER, "-H", HOST, "-p", Integer.toString(port));
            try {
                Files.createDirectories(log.toAbsolutePath().getParent());
                return new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                        .start();
            } catch (IOException e) {
                throw new MotoStartException("cannot run '" + python + "' to start the moto AWS emulator ("
                        + e.getMessage() + "). " + INSTALL_HINT, e);
            }
        }

        private void awaitAnswer(Process process, int port, Path log) {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    String output = tail(log);
                    if (output.contains("Address already in use")) {
                        throw new PortTaken();
                    }
                    throw new MotoStartException("moto (" + python + ") exited with code " + process.exitValue()
                            + " before answering on " + HOST + ":" + port + ". " + INSTALL_HINT
                            + ". Its last output (" + log + "):\n" + output);
                }
                if (answers(port)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new MotoStartException("moto (" + python + ") did not answer on http://" + HOST + ":" + port
                            + " within " + startupTimeout.toMillis() + " ms. " + INSTALL_HINT
                            + ". Its last output (" + log + "):\n" + tail(log));
                }
                try {
                    // Returns at once if moto exits, so a failed start is reported without waiting out the poll.
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MotoStartException("interrupted while waiting for moto to start", e);
                }
            }
        }

        private static void discard(Process process, Thread hook) {
            stop(process);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook stops an already stopped process: harmless.
            }
        }

        private static Path defaultLogFile(int port) {
            Path target = Path.of(System.getProperty("user.dir"), "target");
            if (Files.isDirectory(target)) {
                return target.resolve("moto-" + port + ".log");
            }
            try {
                Path file = Files.createTempFile("firebell-moto-" + port + "-", ".log");
                file.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a log file for moto", e);
            }
        }
    }

    /** moto's bind failed because the port was taken after we found it free. */
    private static final class PortTaken extends RuntimeException {
        PortTaken() {
            super(null, null, false, false);
        }
    }

    /** A port nothing listens on right now; moto binds it a moment later (a race {@link Builder#start} retries). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    private static boolean answers(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + HOST + ":" + port + "/moto-api/")
                    .toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(250);
            connection.setReadTimeout(2_000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGTERM, then SIGKILL after a grace period, to moto and whatever it started. */
    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close();
        } catch (IOException ignored) {
            // Only the watchdog reads it; destroy() below stops moto anyway.
        }
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle descendant : descendants) {
                if (descendant.isAlive()) {
                    descendant.destroyForcibly();
                    descendant.onExit().get(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        } catch (Exception e) {
            // A descendant that will not die within the wait: nothing more we can do than SIGKILL it, done above.
        }
    }

    private static String tail(Path log) {
        try {
            // Decoded leniently: a traceback may hold bytes that are not UTF-8.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
