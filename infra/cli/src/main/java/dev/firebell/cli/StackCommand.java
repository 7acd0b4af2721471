package dev.firebell.cli;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the local stack until interrupted, so other commands and the aws CLI can use it. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Start the local stack (moto on 127.0.0.1, resources from template.yaml) and keep it running until Ctrl-C.")
final class StackCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = "--config", description = "Configuration file or directory to apply once the stack is up.")
    Path config;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        LocalStack local = stack.open();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            local.close();
            stopped.countDown();
        }, "firebell-stack-stop"));
        LocalResources resources = stack.provision(local);
        String table = resources.tableName("FirebellTable");
        if (config != null) {
            ConfigApplier.print(StackOptions.applyConfig(local, resources, config, "firebell stack"), out);
        }
        out.println("Local stack running at " + local.endpoint() + " (Ctrl-C stops it)");
        out.println("  table " + table + ", page topic " + resources.topicArn("PageTopic"));
        out.println("  ./firebell invoke AlarmIngestFunction infra/demo/events/01-checkout-alarm.eventbridge.json --endpoint "
                + local.endpoint());
        out.println("  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=" + local.region()
                + " aws --endpoint-url " + local.endpoint() + " dynamodb query --table-name " + table
                + " --index-name GSI1 --key-condition-expression 'GSI1PK = :p'"
                + " --expression-attribute-values '{\":p\":{\"S\":\"OPEN\"}}'");
        stopped.await();
        return 0;
    }
}
