package dev.firebell.cli;

import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.TableStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The demo's last step: what the table's stream would deliver to the postmortem function (read through the
 * emulator's dynamodbstreams API, filtered with the template's own filter criteria), the real function invoked with
 * it, and the draft of each resolved incident as stored in the bucket.
 */
final class PostmortemDemo {

    static final String FUNCTION = "PostmortemFunction";

    private PostmortemDemo() {
    }

    static void run(LocalStack local, LocalResources resources, FunctionRunner runner, PrintStream out)
            throws IOException {
        run(new TableStream(local, resources.tableStreamArn("FirebellTable")), local, resources, runner, out);
    }

    /**
     * The same, from what {@code stream} holds since it was last read: a caller that read it before its incidents
     * resolved drafts only theirs, and can call again after more resolve (each changed draft is a new version).
     */
    static void run(TableStream stream, LocalStack local, LocalResources resources, FunctionRunner runner,
                    PrintStream out) throws IOException {
        out.println();
        out.println("== Postmortem drafts: resolved incidents, from the table's stream ==");
        String drafts = PageInbox.subscribe(local, resources.topicArn("PageTopic"), Map.of("event_type",
                "postmortem.drafted"), "postmortem-drafts");
        List<Map<String, Object>> records = stream.read();
        List<Map<String, Object>> delivered = EventFilter.forEvent(resources.template().function(FUNCTION),
                "IncidentResolved").select(records);
        Set<String> incidents = new LinkedHashSet<>();
        for (Map<String, Object> record : delivered) {
            incidents.add(incidentId(record));
        }
        out.printf("The stream holds %d records; the function's filter passes %d (incidents becoming RESOLVED: %s).%n",
                records.size(), delivered.size(), incidents.isEmpty() ? "none" : "#" + String.join(", #", incidents));
        if (delivered.isEmpty()) {
            return;
        }
        out.println("> " + FUNCTION + " <- the " + delivered.size() + " record(s), as one batch");
        out.println(runner.invoke(FUNCTION, TableStream.event(delivered)));
        List<Message> announced = PageInbox.drain(local, drafts);
        out.printf("Announced on the page topic: %d message(s) with event_type=postmortem.drafted (no target attribute:"
                + " subscriptions that filter on target, such as phones, do not get them).%n", announced.size());

        String bucket = resources.bucketName("PostmortemBucket");
        for (String id : incidents) {
            String key = "postmortems/" + id + ".md";
            out.println();
            out.println("---- s3://" + bucket + "/" + key + " ----");
            try {
                out.println(local.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String());
            } catch (S3Exception e) {
                out.println("(no draft: " + e.awsErrorDetails().errorMessage() + "; incidents reopened since they"
                        + " resolved get theirs when they resolve again)");
            }
        }
        out.println("Regenerate one on demand: ./firebell invoke " + FUNCTION
                + " infra/demo/postmortem/regenerate-incident-1.json --endpoint <url of './firebell stack'>");
    }

    @SuppressWarnings("unchecked")
    private static String incidentId(Map<String, Object> record) {
        Map<String, Object> image = (Map<String, Object>) ((Map<String, Object>) record.get("dynamodb")).get("NewImage");
        return String.valueOf(((Map<String, Object>) image.get("id")).get("S"));
    }
}
