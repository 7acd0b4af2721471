package dev.firebell.cli;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the local stack comes from: started here (the default) or an already running one. */
final class StackOptions {

    @Option(names = "--endpoint", description = "Use the emulator already running at this URL (e.g. one started"
            + " by 'firebell stack') instead of starting a new one. Its resources are created if missing.")
    URI endpoint;

    @Option(names = "--template", description = "The SAM template (default: template.yaml found from the current directory).")
    Path template;

    SamTemplate loadTemplate() {
        return SamTemplate.load(template != null ? template : SamTemplate.locate());
    }

    /** Starts (or attaches to) the emulator and points this process's AWS SDK at it. */
    LocalStack open() {
        LocalStack stack = endpoint != null ? LocalStack.attach(endpoint) : LocalStack.start();
        stack.exportSdkSettings();
        return stack;
    }

    LocalResources provision(LocalStack stack) {
        return stack.provision(loadTemplate());
    }
}
