package dev.firebell.function.chat;

import dev.firebell.chat.slack.SlackEndpoint;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Finishes a deferred command in a second invocation of this function: the signed request goes to the chat jobs
 * topic, to which the function is subscribed (ADR 34), so the HTTP answer goes back within Slack's 3 seconds while
 * the slow part runs on (Slack's Bolt calls this a lazy listener). The SNS client is the one paging already uses:
 * nothing more to load at cold start, and no Lambda client in the artifact.
 */
final class SnsJobPublisher implements SlackEndpoint.Deferrals {

    private final SnsClient sns;
    private final ChatJobs jobs;

    SnsJobPublisher(SnsClient sns, ChatJobs jobs) {
        this.sns = sns;
        this.jobs = jobs;
    }

    @Override
    public void defer(SlackEndpoint.DeferredCommand command) {
        sns.publish(r -> r.topicArn(jobs.topicArn()).message(jobs.message(command)));
    }
}
