package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sam local invoke -e event.json}, without Docker: feeds event files to any function of the
 * template, against the local stack. Several files are invoked in order on the same stack.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Invoke a function of template.yaml with event file(s) against the local stack.")
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Logical id of the function in template.yaml, e.g. AlarmIngestFunction.")
    String function;

    @Parameters(index = "1..*", arity = "1..*", description = "Event JSON file(s), invoked in order; '-' reads standard input.")
    List<String> eventFiles;

    @Option(names = "--config", description = "Configuration file or directory to apply before invoking.")
    Path config;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try (LocalStack local = stack.open()) {
            LocalResources resources = stack.provision(local);
            if (config != null) {
                ConfigApplier.print(StackOptions.applyConfig(local, resources, config, "firebell invoke"), out);
            }
            FunctionRunner runner = new FunctionRunner(resources, out);
            Set<String> incidents = new LinkedHashSet<>();
            for (String file : eventFiles) {
                byte[] event = "-".equals(file) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
                out.println("> " + function + " <- " + file);
                String result = runner.invoke(function, event);
                out.println(result.isBlank() ? "(no output)" : prettyOrRaw(result));
                if (result.contains("\"incidentId\"")) {
                    incidents.addAll(DemoCommand.incidentIds(result));
                }
            }
            IncidentPrinter printer = IncidentPrinter.forStack(local, resources, out);
            for (String id : incidents) {
                printer.print(id);
            }
            if (stack.endpoint == null) {
                out.println("\n(The emulator started for this command is stopped now; start one with"
                        + " './firebell stack' and pass --endpoint to keep state between invocations.)");
            }
        }
        return 0;
    }

    private static String prettyOrRaw(String json) {
        try {
            return Json.writePretty(Json.read(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
