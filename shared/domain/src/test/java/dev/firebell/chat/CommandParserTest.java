package dev.firebell.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.chat.ChatCommand.ListScope;
import dev.firebell.routing.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    @Test
    void parse_shouldReadEveryCommand() {
        assertThat(parser.parse("")).isEqualTo(new ChatCommand.Help());
        assertThat(parser.parse("  help me  ")).isEqualTo(new ChatCommand.Help());
        assertThat(parser.parse("declare SEV2 Checkout is failing checkout"))
                .isEqualTo(new ChatCommand.Declare(Severity.SEV2, "Checkout is failing checkout"));
        assertThat(parser.parse("ack")).isEqualTo(new ChatCommand.Ack(null));
        assertThat(parser.parse("ACK #42")).isEqualTo(new ChatCommand.Ack("42"));
        assertThat(parser.parse("unack 7")).isEqualTo(new ChatCommand.Unack("7"));
        assertThat(parser.parse("resolve")).isEqualTo(new ChatCommand.Resolve(null, null));
        assertThat(parser.parse("resolve 42")).isEqualTo(new ChatCommand.Resolve("42", null));
        assertThat(parser.parse("resolve #42  rolled  back")).isEqualTo(new ChatCommand.Resolve("42", "rolled  back"));
        assertThat(parser.parse("resolve rolled back")).isEqualTo(new ChatCommand.Resolve(null, "rolled back"));
        assertThat(parser.parse("reopen 42")).isEqualTo(new ChatCommand.Reopen("42"));
        assertThat(parser.parse("status")).isEqualTo(new ChatCommand.Status(null));
        assertThat(parser.parse("list")).isEqualTo(new ChatCommand.ListIncidents(ListScope.OPEN, null));
        assertThat(parser.parse("list OPEN")).isEqualTo(new ChatCommand.ListIncidents(ListScope.OPEN, null));
        assertThat(parser.parse("list mine")).isEqualTo(new ChatCommand.ListIncidents(ListScope.MINE, null));
        assertThat(parser.parse("list checkout")).isEqualTo(new ChatCommand.ListIncidents(ListScope.SERVICE, "checkout"));
        assertThat(parser.parse("severity 42 1")).isEqualTo(new ChatCommand.ChangeSeverity("42", Severity.SEV1));
        assertThat(parser.parse("commander 42 <@U123ABC|alice>"))
                .isEqualTo(new ChatCommand.AssignRole(Subcommand.COMMANDER, "42", "commander", "U123ABC"));
        assertThat(parser.parse("role 42 Communications <@W0GRID>"))
                .isEqualTo(new ChatCommand.AssignRole(Subcommand.ROLE, "42", "communications", "W0GRID"));
        assertThat(parser.parse("note 42 first line\nsecond")).isEqualTo(new ChatCommand.Note("42", "first line\nsecond"));
        assertThat(parser.parse("escalate #42")).isEqualTo(new ChatCommand.Escalate("42"));
        assertThat(parser.parse("oncall")).isEqualTo(new ChatCommand.OnCall(null));
        assertThat(parser.parse("oncall team-checkout")).isEqualTo(new ChatCommand.OnCall("team-checkout"));
        assertThat(parser.parse("override checkout-primary <@U123> 1h30m"))
                .isEqualTo(new ChatCommand.Override("checkout-primary", "U123", Duration.ofMinutes(90)));
        assertThat(parser.parse("maintenance checkout 2h")).isEqualTo(new ChatCommand.Maintenance("checkout",
                Duration.ofHours(2), null));
        assertThat(parser.parse("maintenance checkout PT30M db upgrade")).isEqualTo(new ChatCommand.Maintenance(
                "checkout", Duration.ofMinutes(30), "db upgrade"));
        assertThat(parser.parse("postmortem 42")).isEqualTo(new ChatCommand.Postmortem("42"));
    }

    @Test
    void parse_shouldKeepAMentionWithSpacesInItsNameAsOneWord() {
        assertThat(parser.parse("commander 42 <@U123ABC|Alice Smith>"))
                .isEqualTo(new ChatCommand.AssignRole(Subcommand.COMMANDER, "42", "commander", "U123ABC"));
    }

    @ParameterizedTest
    @CsvSource({"42,42", "#42,42", "#0042,42", "999999999999,999999999999"})
    void ids_shouldBeWrittenWithOrWithoutHash(String typed, String id) {
        assertThat(parser.parse("reopen " + typed)).isEqualTo(new ChatCommand.Reopen(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "#", "0", "#0", "-1", "4.2", "1e3", "0x10", "٣", "４２", "9999999999999", "<@U1>"})
    void ids_shouldRefuseAnythingElse_sayingHowToWriteThem(String typed) {
        assertThatThrownBy(() -> parser.parse("reopen " + typed)).isInstanceOf(UsageException.class)
                .hasMessage("'" + typed + "' is not an incident id: write it as 42 or #42")
                .satisfies(e -> assertThat(((UsageException) e).subcommand()).isEqualTo(Subcommand.REOPEN));
    }

    @Test
    void unknownCommands_shouldSuggestTheClosest() {
        assertThatThrownBy(() -> parser.parse("acknowledge 42")).hasMessage("'acknowledge' is not a command. Did you mean ack?");
        assertThatThrownBy(() -> parser.parse("resolv")).hasMessage("'resolv' is not a command. Did you mean resolve?");
        assertThatThrownBy(() -> parser.parse("sev 42 1")).hasMessage("'sev' is not a command. Did you mean severity?");
        assertThatThrownBy(() -> parser.parse("on-call")).hasMessage("'on-call' is not a command. Did you mean oncall?");
        assertThatThrownBy(() -> parser.parse("lsit")).hasMessage("'lsit' is not a command. Did you mean list?");
        assertThatThrownBy(() -> parser.parse("frobnicate")).hasMessage("'frobnicate' is not a command")
                .satisfies(e -> assertThat(((UsageException) e).subcommand()).isNull());
    }

    @Test
    void missingOrExtraArguments_shouldSayWhat() {
        assertThatThrownBy(() -> parser.parse("declare")).hasMessage("say how severe it is and what is wrong");
        assertThatThrownBy(() -> parser.parse("declare SEV2")).hasMessageStartingWith("the title is missing");
        assertThatThrownBy(() -> parser.parse("declare urgent Down")).hasMessage(
                "severity 'urgent' is not one of SEV1, SEV2, SEV3, SEV4, SEV5");
        assertThatThrownBy(() -> parser.parse("ack 1 2")).hasMessage("ack takes at most an incident id; remove '2'");
        assertThatThrownBy(() -> parser.parse("reopen")).hasMessage("say which incident");
        assertThatThrownBy(() -> parser.parse("severity 42")).hasMessage("something is missing");
        assertThatThrownBy(() -> parser.parse("severity 42 SEV1 now")).hasMessage("there is more than it takes: 'now'");
        assertThatThrownBy(() -> parser.parse("note 42")).hasMessage("the note is missing");
        assertThatThrownBy(() -> parser.parse("maintenance checkout")).hasMessage("say for how long, e.g. 30m or 2h");
        assertThatThrownBy(() -> parser.parse("list a b")).hasMessage(
                "list takes at most one of open, mine or a service name; remove 'b'");
    }

    @Test
    void mentionsNamesRolesAndDurations_shouldBeChecked() {
        assertThatThrownBy(() -> parser.parse("commander 42 @alice")).hasMessageStartingWith(
                "'@alice' came through as plain text, not as a Slack mention");
        assertThatThrownBy(() -> parser.parse("commander 42 alice")).hasMessage("'alice' is not a person: mention them with @");
        assertThatThrownBy(() -> parser.parse("commander 42 <!channel>")).hasMessage(
                "'<!channel>' is not a person: mention them with @");
        assertThatThrownBy(() -> parser.parse("role 42 ic! <@U1AB>")).hasMessageStartingWith("'ic!' is not a role name");
        assertThatThrownBy(() -> parser.parse("list <!here>")).hasMessageStartingWith("'<!here>' is not a service name");
        assertThatThrownBy(() -> parser.parse("override r <@U1AB> soon")).hasMessage(
                "'soon' is not a duration: write e.g. 30m, 4h, 1d or 1h30m");
        assertThatThrownBy(() -> parser.parse("override r <@U1AB> 99999999999999999999w")).hasMessageContaining(
                "is not a duration");
        assertThatThrownBy(() -> parser.parse("override r <@U1AB> 9999999999999w")).hasMessageContaining(
                "is longer than the 31 days");
        assertThatThrownBy(() -> parser.parse("override r <@U1AB> 0s")).hasMessage("the duration must be longer than 0");
        assertThat(parser.parse("override r <@U1AB> 31d")).isInstanceOf(ChatCommand.Override.class);
        assertThatThrownBy(() -> parser.parse("override r <@U1AB> 32d")).hasMessage(
                "'32d' is longer than the 31 days override allows from chat");
        assertThat(parser.parse("maintenance checkout 1w")).isInstanceOf(ChatCommand.Maintenance.class);
        assertThatThrownBy(() -> parser.parse("maintenance checkout 1w1s")).hasMessage(
                "'1w1s' is longer than the 7 days maintenance allows from chat");
    }

    @Test
    void freeText_shouldBeCapped_andFreeOfHiddenCharacters() {
        assertThat(parser.parse("note 1 " + "n".repeat(CommandParser.MAX_NOTE))).isInstanceOf(ChatCommand.Note.class);
        assertThat(parser.parse("note 1 " + "🚒".repeat(CommandParser.MAX_NOTE))).isInstanceOf(ChatCommand.Note.class);
        assertThatThrownBy(() -> parser.parse("note 1 " + "n".repeat(CommandParser.MAX_NOTE + 1)))
                .hasMessage("the note is 2001 characters long; keep it to 2000");
        assertThatThrownBy(() -> parser.parse("note 1 evil\u202Etxt.exe")).hasMessageContaining("invisible direction");
        assertThatThrownBy(() -> parser.parse("note 1 bell\u0007")).hasMessageContaining("control");
        assertThatThrownBy(() -> parser.parse("x".repeat(3001))).hasMessage(
                "that command is 3001 characters long; commands are at most 3000");
    }
}
