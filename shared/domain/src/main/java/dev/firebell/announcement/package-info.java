/**
 * Incident announcements: one chat message per incident, in its service's channel, posted when the incident opens and
 * kept current as it is acknowledged, escalated, resolved or reopened, with buttons that run the chat commands that
 * make sense in its state. {@link dev.firebell.announcement.AnnouncementService} decides what to post or update, and
 * makes sure one incident gets one message (a claim in the {@link dev.firebell.announcement.AnnouncementStore} before
 * posting; an earlier message found again after a crash); the {@link dev.firebell.announcement.AnnouncementChannel}
 * (Slack's Web API, in shared/slack) says how it reads and sends it.
 */
package dev.firebell.announcement;
