package dev.firebell.config;

import dev.firebell.account.Accounts;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.heartbeat.Monitor;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.paging.QuietHours;
import dev.firebell.routing.Routing;
import dev.firebell.service.ServicePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an operator configures, as the functions see it at one moment.
 *
 * @param onCall             people, teams, rotations and schedules
 * @param escalationPolicies by name; services name theirs
 * @param maintenance        windows when services page nobody
 * @param quietHours         which severities wait for the paged person's daytime
 * @param accounts           what people call the AWS accounts alarms come from
 * @param slackChannel       where incidents of services without a channel of their own are announced
 *                           ({@code chat.slackChannel}); null: nowhere
 * @param heartbeats         heartbeat monitors by name (docs/heartbeats.md)
 */
public record FirebellConfig(Map<String, ServicePolicy> services, Routing routing, OnCallConfig onCall,
                             Map<String, EscalationPolicy> escalationPolicies, List<MaintenanceWindow> maintenance,
                             QuietHours quietHours, Accounts accounts, String slackChannel,
                             Map<String, Monitor> heartbeats) {

    public FirebellConfig {
        services = Map.copyOf(services);
        onCall = onCall == null ? OnCallConfig.empty() : onCall;
        escalationPolicies = escalationPolicies == null ? Map.of() : Map.copyOf(escalationPolicies);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        quietHours = quietHours == null ? QuietHours.NONE : quietHours;
        accounts = accounts == null ? Accounts.NONE : accounts;
        heartbeats = heartbeats == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(heartbeats));
    }

    /** Without named accounts, a default announcement channel or heartbeat monitors. */
    public FirebellConfig(Map<String, ServicePolicy> services, Routing routing, OnCallConfig onCall,
                          Map<String, EscalationPolicy> escalationPolicies, List<MaintenanceWindow> maintenance,
                          QuietHours quietHours) {
        this(services, routing, onCall, escalationPolicies, maintenance, quietHours, Accounts.NONE, null, Map.of());
    }

    /** Routing and services only, nobody on call. */
    public FirebellConfig(Map<String, ServicePolicy> services, Routing routing) {
        this(services, routing, OnCallConfig.empty(), Map.of(), List.of(), QuietHours.NONE);
    }

    public static FirebellConfig empty() {
        return new FirebellConfig(Map.of(), Routing.defaults());
    }

    public Set<String> serviceNames() {
        return services.keySet();
    }

    /** The named service's policy, or the defaults when the service is not configured. */
    public ServicePolicy service(String name) {
        ServicePolicy policy = services.get(name);
        return policy != null ? policy : ServicePolicy.defaultsFor(name);
    }

    /** The Slack channel id the service's incidents are announced in: its own, else the default; empty: nowhere. */
    public Optional<String> slackChannel(String service) {
        String own = service(service).slackChannel();
        if (ServicePolicy.NO_CHANNEL.equals(own)) {
            return Optional.empty();
        }
        return Optional.ofNullable(own != null ? own : slackChannel);
    }
}
