package dev.firebell.config;

import dev.firebell.routing.Routing;
import dev.firebell.service.ServicePolicy;
import java.util.Map;
import java.util.Set;

/** Everything an operator configures, as the functions see it at one moment. */
public record FirebellConfig(Map<String, ServicePolicy> services, Routing routing) {

    public FirebellConfig {
        services = Map.copyOf(services);
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
}
