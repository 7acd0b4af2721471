package dev.firebell.config;

import dev.firebell.account.Accounts;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.heartbeat.Monitor;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.paging.QuietHours;
import dev.firebell.person.Person;
import dev.firebell.person.Team;
import dev.firebell.routing.AlarmMatch;
import dev.firebell.routing.RouteRule;
import dev.firebell.routing.Routing;
import dev.firebell.routing.Severity;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.service.InsufficientDataPolicy;
import dev.firebell.service.ServicePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a configuration document (the YAML file, or what {@code config apply} stored) into the
 * domain's configuration, reporting every problem with its path. The same binder serves the
 * command line and the functions, so what validates is exactly what runs.
 */
public final class ConfigBinder {

    /** Top-level sections, in the order they are documented. */
    public static final List<String> SECTIONS = List.of("routing", "accounts", "services", "people", "teams",
            "rotations", "schedules", "escalationPolicies", "quietHours", "maintenance", "heartbeats", "chat");

    /** Sections that map names (or account ids) to entities; each entity is stored, diffed and applied on its own. */
    public static final Set<String> NAMED_SECTIONS = Set.of("accounts", "services", "people", "teams", "rotations",
            "schedules", "escalationPolicies", "maintenance", "heartbeats");

    static final Duration MAX_GROUPING_WINDOW = Duration.ofHours(24);

    public FirebellConfig bind(Map<String, Object> document) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigNode root = ConfigNode.root(document == null ? Map.of() : document, problems);
        root.allowOnly(Set.copyOf(SECTIONS));

        // Each section is bound after those it refers to; problems are reported in this order.
        Map<String, Person> people = PeopleBinder.people(root.get("people"));
        Map<String, Team> teams = PeopleBinder.teams(root.get("teams"), people);
        Map<String, Rotation> rotations = ScheduleBinder.rotations(root.get("rotations"), people, teams);
        Map<String, Schedule> schedules = ScheduleBinder.schedules(root.get("schedules"), rotations);
        OnCallConfig onCall = new OnCallConfig(people, teams, rotations, schedules);
        Map<String, EscalationPolicy> policies = EscalationPolicyBinder.policies(root.get("escalationPolicies"), onCall);
        Map<String, ServicePolicy> services = services(root.get("services"), policies, teams.keySet());
        Accounts accounts = AccountsBinder.accounts(root.get("accounts"));
        Routing routing = routing(root.get("routing"), services, accounts);
        QuietHours quietHours = MaintenanceBinder.quietHours(root.get("quietHours"));
        List<MaintenanceWindow> maintenance = MaintenanceBinder.maintenance(root.get("maintenance"), services.keySet());
        String slackChannel = ChatBinder.defaultChannel(root.get("chat"));
        Map<String, Monitor> heartbeats = HeartbeatBinder.monitors(root.get("heartbeats"), services.keySet(),
                routing.defaultSeverity());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new FirebellConfig(services, routing, onCall, policies, maintenance, quietHours, accounts,
                slackChannel, heartbeats);
    }

    private Map<String, ServicePolicy> services(ConfigNode section, Map<String, EscalationPolicy> policies,
                                                Set<String> teams) {
        return ConfigNames.bindEach(section, "service", Set.of("pageTarget", "autoResolve", "reopenWindow",
                "insufficientData", "description", "escalationPolicy", "team", "groupingWindow", "slackChannel"),
                (name, s) -> s.isMissing() ? ServicePolicy.defaultsFor(name) : service(name, s, policies, teams));
    }

    private ServicePolicy service(String name, ConfigNode s, Map<String, EscalationPolicy> policies, Set<String> teams) {
        String team = s.get("team").string(null);
        if (team != null && !teams.contains(team)) {
            s.get("team").problem("'" + team + "' is not a team declared under teams");
        }
        String policy = s.get("escalationPolicy").string(null);
        if (policy != null && !policies.containsKey(policy)) {
            s.get("escalationPolicy").problem("'" + policy + "' is not a policy declared under escalationPolicies"
                    + (policies.isEmpty() ? " (none are declared)"
                    : " (declared: " + String.join(", ", new java.util.TreeSet<>(policies.keySet())) + ")"));
        }
        Duration grouping = s.get("groupingWindow").duration(ServicePolicy.DEFAULT_GROUPING_WINDOW);
        if (grouping.compareTo(MAX_GROUPING_WINDOW) > 0 || grouping.isNegative()) {
            // A day-long window would fold unrelated problems into one incident that pages nobody.
            s.get("groupingWindow").problem("must be between 0s (no grouping) and 24h");
            grouping = ServicePolicy.DEFAULT_GROUPING_WINDOW;
        }
        return new ServicePolicy(name,
                s.get("pageTarget").string(name),
                s.get("autoResolve").bool(true),
                s.get("reopenWindow").duration(ServicePolicy.DEFAULT_REOPEN_WINDOW),
                s.get("insufficientData").enumValue(InsufficientDataPolicy.class, InsufficientDataPolicy.IGNORE),
                policy,
                grouping,
                ChatBinder.serviceChannel(s.get("slackChannel")));
    }

    private Routing routing(ConfigNode node, Map<String, ServicePolicy> services, Accounts accounts) {
        if (node.isMissing()) {
            return Routing.defaults();
        }
        node.allowOnly(Set.of("descriptionHints", "default", "rules"));
        ConfigNode def = node.get("default");
        def.allowOnly(Set.of("service", "severity"));
        String defaultService = def.get("service").string(Routing.DEFAULT_SERVICE);
        checkService(def.get("service"), defaultService, services);
        Severity defaultSeverity = def.get("severity").parse(Severity::parse, Severity.SEV3);

        List<RouteRule> rules = new ArrayList<>();
        for (ConfigNode r : node.get("rules").items()) {
            r.allowOnly(Set.of("name", "match", "service", "severity"));
            String service = r.get("service").requiredString();
            checkService(r.get("service"), service, services);
            Severity severity = r.get("severity").parse(Severity::parse, defaultSeverity);
            rules.add(new RouteRule(r.get("name").string(null), match(r.get("match"), accounts),
                    service == null ? defaultService : service, severity));
        }
        return new Routing(rules, defaultService, defaultSeverity, node.get("descriptionHints").bool(false));
    }

    private AlarmMatch match(ConfigNode m, Accounts accounts) {
        if (m.isMissing()) {
            m.problem("is required: a rule without a match would swallow every alarm (use routing.default for that)");
            return AlarmMatch.any();
        }
        m.allowOnly(Set.of("alarmNamePrefix", "alarmNamePattern", "namespace", "dimensions", "account", "accountName",
                "region"));
        Pattern pattern = null;
        String regex = m.get("alarmNamePattern").string(null);
        if (regex != null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                m.get("alarmNamePattern").problem("is not a valid regular expression: " + e.getDescription());
            }
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        m.get("dimensions").entries().forEach((k, v) -> dimensions.put(k, v.requiredString()));
        AlarmMatch match = new AlarmMatch(m.get("alarmNamePrefix").string(null), pattern,
                m.get("namespace").string(null), dimensions, AccountsBinder.accountIds(m, accounts),
                AccountsBinder.regions(m));
        boolean accountsNamed = !m.get("account").isMissing() || !m.get("accountName").isMissing();
        if (regex == null && !accountsNamed && match.equals(AlarmMatch.any())) {
            m.problem("names no criterion; use alarmNamePrefix, alarmNamePattern, namespace, dimensions, account,"
                    + " accountName or region");
        }
        return match;
    }

    private static void checkService(ConfigNode at, String service, Map<String, ServicePolicy> services) {
        if (service != null && !services.isEmpty() && !services.containsKey(service)) {
            at.problem("'" + service + "' is not a service declared under services (declared: "
                    + String.join(", ", services.keySet()) + ")");
        }
    }
}
