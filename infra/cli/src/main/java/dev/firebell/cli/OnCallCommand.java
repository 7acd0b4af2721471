package dev.firebell.cli;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoOverrideStore;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.ConfigNode;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.oncall.Roster;
import dev.firebell.schedule.Shift;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Who is on call, their shifts, and "I take this shift" overrides, from a configuration file or a stack. */
@Command(name = "oncall", mixinStandardHelpOptions = true,
        description = "Who is on call (rotation, schedule or service), the shifts of a period, and overrides.",
        subcommands = {OnCallCommand.Who.class, OnCallCommand.Shifts.class, OnCallCommand.TakeShift.class})
final class OnCallCommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    /** Where the configuration comes from: a file (no overrides), or a stack (stored configuration and overrides). */
    static final class Source {
        @Option(names = "--config", description = "Configuration file or directory (overrides are not included).")
        Path config;

        @Option(names = "--table", description = "DynamoDB table of a deployed stack: its configuration and overrides.")
        String table;

        @Mixin
        StackOptions stack;

        /** Runs {@code action} with the on-call service of this source, on {@code clock}. */
        <T> T with(InstantSource clock, java.util.function.Function<OnCallService, T> action) {
            if (config != null) {
                YamlConfigLoader.Loaded loaded = new YamlConfigLoader().load(config);
                loaded.validate();
                FirebellConfig bound = new ConfigBinder().bind(loaded.document());
                return action.apply(new OnCallService(() -> bound, OverrideStore.NONE, clock));
            }
            return stack.onTable(table, "say where the configuration is: --config <file>, --table <name> of a"
                    + " deployed stack, or --endpoint <url> of a local stack started with './firebell stack'",
                    (dynamo, name, local) -> action.apply(service(dynamo, name, clock)));
        }

        private static OnCallService service(DynamoDbClient dynamo, String table, InstantSource clock) {
            ConfigSource stored = new DynamoConfigStore(dynamo, table, InstantSource.system(), Duration.ZERO);
            return new OnCallService(stored, new DynamoOverrideStore(dynamo, table), clock);
        }
    }

    @Command(name = "who", mixinStandardHelpOptions = true,
            description = "Who is on call for a rotation, a schedule or a service (its first escalation level), and who is next.")
    static final class Who implements Callable<Integer> {
        @Parameters(index = "0", description = "Rotation, schedule or service.")
        String name;

        @Mixin
        AtOption at;

        @Option(names = "--zone", description = "Time zone to read --at in and to print times in (default UTC).")
        String zone;

        @Mixin
        Source source;

        @Override
        public Integer call() {
            return ConfigCommand.checked(() -> {
                ZoneId z = zone(zone);
                InstantSource clock = at.clock(z);
                Instant when = clock.instant();
                PrintStream out = System.out;
                return source.with(clock, service -> {
                    for (OnCallService.Answer a : service.whoIsOnCall(name, when)) {
                        out.println(a.source() + ": " + describe(a.now(), z)
                                + (a.override() != null ? " (override by " + a.override().createdBy() + ")" : ""));
                        if (a.next() != null) {
                            out.println("  next: " + (a.next().person() == null ? "nobody" : a.next().person())
                                    + " from " + time(a.next().start(), z));
                        }
                    }
                    return 0;
                });
            });
        }
    }

    @Command(name = "shifts", mixinStandardHelpOptions = true,
            description = "Every shift of a rotation or schedule in a period, one per line: start, end, person.")
    static final class Shifts implements Callable<Integer> {
        @Parameters(index = "0", description = "Rotation or schedule.")
        String name;

        @Option(names = "--from", required = true, description = "Start: a date (midnight in --zone) or an instant.")
        String from;

        @Option(names = "--days", defaultValue = "28", description = "How many days to list (default ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--zone", description = "Time zone to read --from in and to print local times in (default UTC).")
        String zone;

        @Mixin
        Source source;

        @Override
        public Integer call() {
            return ConfigCommand.checked(() -> {
                ZoneId z = zone(zone);
                Instant start = instant(from, z);
                Instant end = start.atZone(z).plusDays(days).toInstant();
                PrintStream out = System.out;
                return source.with(InstantSource.system(), service -> {
                    Roster roster = service.roster(List.of(name), start);
                    if (!roster.config().isSource(name)) {
                        throw new IllegalArgumentException("'" + name + "' is not a rotation or schedule");
                    }
                    out.println("start_utc,end_utc,start_local,person");
                    for (Shift s : roster.shifts(name, start, end)) {
                        out.println(s.start() + "," + s.end() + "," + LOCAL.format(s.start().atZone(z)) + ","
                                + (s.person() == null ? "(nobody)" : s.person()));
                    }
                    return 0;
                });
            });
        }
    }

    @Command(name = "override", mixinStandardHelpOptions = true,
            description = "Someone takes a rotation's (or schedule's) shift for a while: stored at once, used by the next page.")
    static final class TakeShift implements Callable<Integer> {
        @Parameters(index = "0", description = "Rotation or schedule.")
        String name;

        @Parameters(index = "1", description = "Person who takes the shift.")
        String person;

        @Parameters(index = "2", description = "For how long: 2h, 1d, 90m...")
        String duration;

        @Option(names = "--from", description = "When it starts (instant, or local date-time with --zone); default now.")
        String from;

        @Option(names = "--zone", description = "Time zone of --from and --at (default UTC).")
        String zone;

        @Option(names = "--reason", description = "Why, for the record.")
        String reason;

        @Mixin
        AtOption at;

        @Mixin
        Source source;

        @Override
        public Integer call() {
            return ConfigCommand.checked(() -> {
                if (source.config != null) {
                    throw new IllegalArgumentException("overrides are stored: give --table or --endpoint, not --config");
                }
                Duration length = ConfigNode.parseDuration(duration);
                if (length == null) {
                    throw new IllegalArgumentException("'" + duration + "' is not a duration; write e.g. 2h, 1d or 90m");
                }
                ZoneId z = zone(zone);
                Instant start = from == null ? null : instant(from, z);
                return source.with(at.clock(z), service -> {
                    System.out.println(service.override(name, person, start, length,
                            System.getProperty("user.name", "cli"), reason).message());
                    return 0;
                });
            });
        }
    }

    static ZoneId zone(String zone) {
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + zone + "' is not a time zone; write an IANA name such as Europe/Paris");
        }
    }

    /** An instant, a local date-time or a date (midnight), the last two read in {@code zone}. */
    static Instant instant(String text, ZoneId zone) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return dev.firebell.schedule.WallClock.instant(LocalDateTime.parse(text), zone);
            } catch (DateTimeParseException notLocal) {
                try {
                    return dev.firebell.schedule.WallClock.instant(LocalDate.parse(text).atStartOfDay(), zone);
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException("'" + text + "' is not an instant (2026-11-27T09:00:00Z), a local"
                            + " date-time (2026-11-27T10:00) or a date (2026-11-27)");
                }
            }
        }
    }

    static String describe(Shift shift, ZoneId zone) {
        String who = shift.person() == null ? "nobody" : shift.person();
        return who + (shift.start() == null ? "" : " since " + time(shift.start(), zone))
                + (shift.end() == null ? "" : " until " + time(shift.end(), zone));
    }

    static String time(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone)) + (zone.equals(ZoneOffset.UTC) ? "Z" : " " + zone);
    }
}
