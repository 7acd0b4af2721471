package dev.firebell.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.IncidentStatus;
import org.junit.jupiter.api.Test;

class AnnouncementActionTest {

    @Test
    void eachButton_shouldRunTheChatCommandOfItsName() {
        assertThat(AnnouncementAction.ACKNOWLEDGE.actionId()).isEqualTo("firebell.ack");
        assertThat(AnnouncementAction.ESCALATE.actionId()).isEqualTo("firebell.escalate");
        assertThat(AnnouncementAction.RESOLVE.actionId()).isEqualTo("firebell.resolve");
        assertThat(AnnouncementAction.ACKNOWLEDGE.commandText("42")).isEqualTo("ack 42");
        assertThat(AnnouncementAction.RESOLVE.commandText("42")).isEqualTo("resolve 42");
    }

    @Test
    void ofActionId_shouldKnowOnlyFirebellsButtons() {
        assertThat(AnnouncementAction.ofActionId("firebell.escalate")).contains(AnnouncementAction.ESCALATE);
        assertThat(AnnouncementAction.ofActionId("firebell.reopen")).isEmpty();
        assertThat(AnnouncementAction.ofActionId("ack")).isEmpty();
        assertThat(AnnouncementAction.ofActionId(null)).isEmpty();
    }

    @Test
    void forStatus_shouldOfferWhatMakesSense() {
        assertThat(AnnouncementAction.forStatus(IncidentStatus.TRIGGERED)).containsExactly(
                AnnouncementAction.ACKNOWLEDGE, AnnouncementAction.ESCALATE, AnnouncementAction.RESOLVE);
        assertThat(AnnouncementAction.forStatus(IncidentStatus.ACKNOWLEDGED)).containsExactly(
                AnnouncementAction.ESCALATE, AnnouncementAction.RESOLVE);
        assertThat(AnnouncementAction.forStatus(IncidentStatus.RESOLVED)).isEmpty();
    }

    @Test
    void revisions_shouldOrderByIncidentThenEscalation() {
        assertThat(new Revision(2, 0).isNewerThan(new Revision(1, 9))).isTrue();
        assertThat(new Revision(2, 3).isNewerThan(new Revision(2, 2))).isTrue();
        assertThat(new Revision(2, 2).isNewerThan(new Revision(2, 2))).isFalse();
        assertThat(new Revision(1, 9).isNewerThan(new Revision(2, 0))).isFalse();
        assertThat(new Revision(0, 0).isNewerThan(Revision.NONE)).isTrue();
    }
}
