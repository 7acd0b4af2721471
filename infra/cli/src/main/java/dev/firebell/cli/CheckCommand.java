package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.aws.sns.SmsSandbox;
import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AccountLimit;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Before the first deploy, what only the real account can tell: whether the stack's reserved concurrency fits the
 * account's Lambda quota, and whether SMS pages would reach the configuration's numbers (the SNS SMS sandbox). Reads
 * only (lambda:GetAccountSettings, sns:GetSMSSandboxAccountStatus, sns:ListSMSSandboxPhoneNumbers), with the AWS SDK's
 * standard credentials, region and endpoint settings.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check an AWS account before deploying: Lambda concurrency against the stack's reservations, and"
                + " the SNS SMS sandbox against the configuration's SMS numbers. Exit code 2 when something would fail"
                + " or a page would not arrive, 1 on an error.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--config", description = "The Firebell configuration (file or directory): its SMS contacts are"
            + " checked against the account's SMS sandbox.")
    Path config;

    @Option(names = {"-p", "--parameter"}, description = "A template parameter as the deploy sets it, Key=Value"
            + " (repeatable), e.g. -p ReserveConcurrency=false.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--stage-file", description = "A pipeline stage file (infra/pipeline/stage-prod.json): its"
            + " Parameters, before any --parameter.")
    Path stageFile;

    @Option(names = "--template", description = "The SAM template (default: template.yaml found from the current"
            + " directory).")
    Path template;

    @Override
    public Integer call() throws IOException {
        return ConfigCommand.checked(() -> run(System.out));
    }

    int run(PrintStream out) throws IOException {
        LocalResources stack = LocalResources.unprovisioned(
                SamTemplate.load(template != null ? template : SamTemplate.locate()), "firebell", parameterValues());
        boolean ok = true;
        try (LambdaClient lambda = LambdaClient.create()) {
            AccountLimit limit = lambda.getAccountSettings(b -> { }).accountLimit();
            ConcurrencyCheck.Verdict verdict = ConcurrencyCheck.verdict(new ConcurrencyCheck.Account(
                    limit.concurrentExecutions(), limit.unreservedConcurrentExecutions()),
                    ConcurrencyCheck.reservations(stack));
            verdict.lines().forEach(out::println);
            ok = verdict.fits();
        } catch (SdkException e) {
            out.println("warning: could not read the account's Lambda concurrency (" + e.getMessage() + "); check with"
                    + " 'aws lambda get-account-settings' (docs/deploy.md#concurrency)");
            ok = false;
        }
        if (config != null) {
            YamlConfigLoader.Loaded loaded = new YamlConfigLoader().load(config);
            loaded.validate();
            try (SnsClient sns = SnsClient.create()) {
                SmsSandbox.Report report = new SmsSandbox(sns).check(ConfigCommand.StoreCommand.people(loaded));
                List<String> lines = report.lines();
                if (lines.isEmpty()) {
                    out.println("SMS: " + (report.state() == SmsSandbox.Report.State.NO_SMS_CONTACTS
                            ? "nobody in the configuration has an SMS contact"
                            : "the account is out of the SNS SMS sandbox: texts reach any number"));
                }
                lines.forEach(out::println);
                ok &= !report.needsAttention();
            }
        }
        return ok ? 0 : 2;
    }

    /** The stage file's parameters, then the --parameter ones. */
    private Map<String, String> parameterValues() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (stageFile != null) {
            Object stage = Json.readObject(Files.readString(stageFile)).get("Parameters");
            if (!(stage instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(stageFile + " has no \"Parameters\" object");
            }
            map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        }
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--parameter '" + parameter + "' is not Key=Value");
            }
            values.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        return values;
    }
}
