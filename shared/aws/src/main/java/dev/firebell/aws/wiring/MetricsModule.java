package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.metrics.EmfMetricsSink;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.metrics.MetricsSink;
import java.time.InstantSource;
import javax.inject.Singleton;

/** Incident metrics to CloudWatch, as Embedded Metric Format lines on the function's standard output. */
@Module
public final class MetricsModule {

    private MetricsModule() {
    }

    @Provides
    @Singleton
    static MetricsSink metricsSink(FunctionEnvironment env, InstantSource clock) {
        return new EmfMetricsSink(env.require("METRICS_NAMESPACE"), clock, EmfMetricsSink.standardOutput());
    }
}
