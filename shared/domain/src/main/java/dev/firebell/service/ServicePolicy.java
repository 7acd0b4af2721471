package dev.firebell.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How Firebell treats the alarms of one service.
 *
 * @param pageTarget   who is paged; the on-call lookup replaces this fixed target when configured
 * @param autoResolve  whether the alarm returning to OK resolves the incident
 * @param reopenWindow an alarm back in ALARM this soon after an automatic resolve reopens that
 *                     incident instead of opening (and paging) a new one; zero disables
 * @param escalationPolicy the escalation policy that pages people for this service; null pages
 *                     {@code pageTarget} once instead
 * @param groupingWindow an alarm of this service that would open a new incident joins the service's open
 *                     incident instead when that incident's first alarm fired less than this long before
 *                     (ADR 0040); zero disables grouping
 * @param slackChannel the Slack channel id its incidents are announced in; null: the configuration's default
 *                     channel ({@code chat.slackChannel}), {@link #NO_CHANNEL}: announced nowhere
 */
public record ServicePolicy(
        String name,
        String pageTarget,
        boolean autoResolve,
        Duration reopenWindow,
        InsufficientDataPolicy insufficientData,
        String escalationPolicy,
        Duration groupingWindow,
        String slackChannel) {

    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofMinutes(15);
    /** Long enough to catch a storm's alarms (they fire within a few evaluation periods), short enough to page a new problem. */
    public static final Duration DEFAULT_GROUPING_WINDOW = Duration.ofMinutes(5);
    /** {@code slackChannel: none}: the service's incidents are not announced, whatever the default channel. */
    public static final String NO_CHANNEL = "none";

    public ServicePolicy {
        Objects.requireNonNull(name, "name");
        pageTarget = pageTarget == null || pageTarget.isBlank() ? name : pageTarget;
        reopenWindow = reopenWindow == null ? DEFAULT_REOPEN_WINDOW : reopenWindow;
        insufficientData = insufficientData == null ? InsufficientDataPolicy.IGNORE : insufficientData;
        groupingWindow = groupingWindow == null ? DEFAULT_GROUPING_WINDOW : groupingWindow;
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException("reopen window of service " + name + " is negative");
        }
        if (groupingWindow.isNegative()) {
            throw new IllegalArgumentException("grouping window of service " + name + " is negative");
        }
    }

    /** Announced in the configuration's default channel. */
    public ServicePolicy(String name, String pageTarget, boolean autoResolve, Duration reopenWindow,
                         InsufficientDataPolicy insufficientData, String escalationPolicy, Duration groupingWindow) {
        this(name, pageTarget, autoResolve, reopenWindow, insufficientData, escalationPolicy, groupingWindow, null);
    }

    public ServicePolicy(String name, String pageTarget, boolean autoResolve, Duration reopenWindow,
                         InsufficientDataPolicy insufficientData, String escalationPolicy) {
        this(name, pageTarget, autoResolve, reopenWindow, insufficientData, escalationPolicy, DEFAULT_GROUPING_WINDOW);
    }

    public ServicePolicy(String name, String pageTarget, boolean autoResolve, Duration reopenWindow,
                         InsufficientDataPolicy insufficientData) {
        this(name, pageTarget, autoResolve, reopenWindow, insufficientData, null);
    }

    /** The policy of a service nobody configured: page a target of the same name, resolve on OK, group storms. */
    public static ServicePolicy defaultsFor(String service) {
        return new ServicePolicy(service, service, true, DEFAULT_REOPEN_WINDOW, InsufficientDataPolicy.IGNORE);
    }

    public boolean groups() {
        return !groupingWindow.isZero();
    }

    public ServicePolicy withGroupingWindow(Duration window) {
        return new ServicePolicy(name, pageTarget, autoResolve, reopenWindow, insufficientData, escalationPolicy, window,
                slackChannel);
    }
}
