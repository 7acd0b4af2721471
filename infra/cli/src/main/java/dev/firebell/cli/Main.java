package dev.firebell.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./firebell}: the local stack, the demo, function invocation and configuration. */
@Command(name = "firebell", mixinStandardHelpOptions = true, version = "Firebell 0.1.0",
        description = "Serverless incident management for AWS: local stack, demo, invoke, chat endpoint, configuration,"
                + " on-call, calendar links, reports, import from other tools, and a check of an account before deploying.",
        subcommands = {DemoCommand.class, InvokeCommand.class, StackCommand.class, ServeCommand.class,
                ConfigCommand.class, OnCallCommand.class, MonitorsCommand.class, CalendarLinkCommand.class, ReportCommand.class, ImportCommand.class, CheckCommand.class,
                ConsoleLinkCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("firebell: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }
}
