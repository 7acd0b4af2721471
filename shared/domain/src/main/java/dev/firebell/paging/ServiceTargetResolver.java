package dev.firebell.paging;

import dev.firebell.incident.Incident;
import dev.firebell.service.ServicePolicy;
import java.util.List;

/** Pages the fixed target configured on the service. */
public final class ServiceTargetResolver implements PageTargetResolver {
    @Override
    public List<String> targetsFor(Incident incident, ServicePolicy policy) {
        return List.of(policy.pageTarget());
    }
}
