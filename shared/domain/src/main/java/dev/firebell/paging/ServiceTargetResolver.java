package dev.firebell.paging;

import dev.firebell.incident.Incident;
import dev.firebell.service.ServicePolicy;
import java.time.Instant;
import java.util.List;

/** Pages the fixed target configured on the service, once; nothing escalates. */
public final class ServiceTargetResolver implements PageTargetResolver {
    @Override
    public PagePlan firstPages(Incident incident, ServicePolicy policy, Instant now) {
        return new PagePlan(List.of(new PlannedPage(policy.pageTarget(), now, PageReason.TRIGGERED)), List.of(), null);
    }
}
