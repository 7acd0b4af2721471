package dev.firebell.paging;

import dev.firebell.incident.Incident;
import dev.firebell.service.ServicePolicy;
import java.util.List;

/** Port: who gets paged for a new incident. */
public interface PageTargetResolver {
    List<String> targetsFor(Incident incident, ServicePolicy policy);
}
