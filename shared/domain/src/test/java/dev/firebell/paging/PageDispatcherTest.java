package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.firebell.incident.DispatchReport;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class PageDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:01:00Z");

    @Mock
    private IncidentStore incidents;
    @Mock
    private PageOutbox outbox;
    @Mock
    private Pager pager;

    private PageDispatcher dispatcher() {
        return new PageDispatcher(incidents, outbox, pager, new PageComposer(), InstantSource.fixed(NOW),
                Duration.ofSeconds(60));
    }

    private final Page page = Page.pending("7", 1, "team-checkout", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "t");

    @Test
    void send_shouldPublishAndMarkSent_whenTheIncidentIsStillTriggered() {
        when(incidents.incident("7")).thenReturn(Optional.of(incident(IncidentStatus.TRIGGERED)));
        when(pager.publish(any())).thenReturn("msg-1");

        DispatchReport report = dispatcher().send(List.of(page));

        ArgumentCaptor<TimelineEntry> entry = ArgumentCaptor.forClass(TimelineEntry.class);
        verify(outbox).markSent(eq(page), eq("msg-1"), eq(NOW), entry.capture());
        assertThat(entry.getValue().type()).isEqualTo(TimelineEntryType.PAGED);
        assertThat(entry.getValue().details()).containsEntry("messageId", "msg-1").containsEntry("target", "team-checkout");
        assertThat(report).isEqualTo(new DispatchReport(1, 0, 0));
    }

    @Test
    void send_shouldCancelWithoutPublishing_whenSomeoneAlreadyAcknowledged() {
        when(incidents.incident("7")).thenReturn(Optional.of(incident(IncidentStatus.ACKNOWLEDGED)));

        DispatchReport report = dispatcher().send(List.of(page));

        verify(pager, never()).publish(any());
        ArgumentCaptor<TimelineEntry> entry = ArgumentCaptor.forClass(TimelineEntry.class);
        verify(outbox).cancel(eq(page), entry.capture());
        assertThat(entry.getValue().summary()).contains("incident is ACKNOWLEDGED");
        assertThat(report.cancelled()).isEqualTo(1);
    }

    @Test
    void send_shouldKeepThePagePendingAndSayWhen_whenSnsFails() {
        when(incidents.incident("7")).thenReturn(Optional.of(incident(IncidentStatus.TRIGGERED)));
        when(pager.publish(any())).thenThrow(new PagingException("throttled", null));

        DispatchReport report = dispatcher().send(List.of(page));

        ArgumentCaptor<TimelineEntry> entry = ArgumentCaptor.forClass(TimelineEntry.class);
        verify(outbox).markFailed(eq(page), eq(NOW.plusSeconds(60)), entry.capture());
        assertThat(entry.getValue().type()).isEqualTo(TimelineEntryType.PAGE_FAILED);
        assertThat(entry.getValue().summary()).contains("throttled").contains("retrying from");
        verify(outbox, never()).markSent(any(), any(), any(), any());
        assertThat(report.failed()).isEqualTo(1);
    }

    @Test
    void send_shouldStillSendTheOtherPages_whenOneCannotBeHandled_thenThrowItsFailure() {
        Page broken = Page.pending("6", 1, "team-checkout", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "t");
        when(incidents.incident("6")).thenThrow(new IllegalArgumentException("unknown severity SEV9"));
        when(incidents.incident("7")).thenReturn(Optional.of(incident(IncidentStatus.TRIGGERED)));
        when(pager.publish(any())).thenReturn("msg-1");

        assertThatThrownBy(() -> dispatcher().send(List.of(broken, page)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEV9");

        verify(outbox).markSent(eq(page), eq("msg-1"), eq(NOW), any());
        verify(outbox, never()).markSent(eq(broken), any(), any(), any());
    }

    @Test
    void redriveDue_shouldClaimWithANewLease() {
        when(outbox.claimDue(eq(NOW), eq(NOW.plusSeconds(60)), any(), eq(50))).thenReturn(List.of());
        assertThat(dispatcher().redriveDue(50)).isEqualTo(DispatchReport.NONE);
        verify(outbox).claimDue(eq(NOW), eq(NOW.plusSeconds(60)), any(), eq(50));
    }

    private static Incident incident(IncidentStatus status) {
        return Incident.builder().id("7").title("checkout-api-5xx-high").service("checkout").severity(Severity.SEV2)
                .status(status).openedAt(NOW).alarmCount(1).version(1).build();
    }
}
