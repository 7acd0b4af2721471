package dev.firebell.paging;

import dev.firebell.incident.Incident;
import dev.firebell.service.ServicePolicy;
import java.time.Instant;

/**
 * Port: who is paged about a new incident. The on-call implementation
 * ({@link dev.firebell.escalation.EscalationPlanner}) pages the first level of the service's escalation
 * policy; {@link ServiceTargetResolver} pages a fixed target.
 */
public interface PageTargetResolver {
    PagePlan firstPages(Incident incident, ServicePolicy policy, Instant now);
}
