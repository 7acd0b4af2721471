package dev.firebell.bench.storm;

/**
 * AWS list prices, us-east-1, as recorded in the project's domain notes on {@link #AS_OF}. On-demand DynamoDB, Lambda
 * on arm64, SNS standard topic publishes (deliveries to SQS cost nothing more; SMS is priced per country and is
 * usually the largest line of all, so it is left to each team).
 */
final class Prices {

    static final String AS_OF = "2026-11-27";
    static final double LAMBDA_REQUEST = 0.20 / 1e6;
    static final double LAMBDA_GB_SECOND_ARM64 = 0.0000133334;
    static final double DYNAMODB_WRITE_UNIT = 0.625 / 1e6;
    static final double DYNAMODB_READ_UNIT = 0.125 / 1e6;
    static final double SNS_PUBLISH = 0.50 / 1e6;
    /** template.yaml: MemorySize 1024 for every function. */
    static final double MEMORY_GB = 1.0;

    private Prices() {
    }

    /** Lambda bills duration per started millisecond. */
    static double gbSeconds(long nanos) {
        return Math.ceil(nanos / 1_000_000.0) / 1000.0 * MEMORY_GB;
    }
}
