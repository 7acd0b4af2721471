package dev.firebell.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda does in a cold start, in a fresh JVM whose class path is the function's deployment
 * artifact: load the handler class, construct it (which builds its Dagger graph and SDK clients), and
 * handle the first event end to end. Arguments: handler class, event file.
 */
public final class FirebellProbe {
    private FirebellProbe() {
    }

    /**
     * With {@code -Dprobe.launchedAt=<epoch ms>} (when the parent started the JVM), prints where the time went:
     * {@code probe-phases jvm=<launch to main> init=<handler constructed> event=<first event handled>} in ms. With
     * {@code -Dprobe.second=true}, also {@code probe-second <ms>}: the same work once more in the same JVM. With
     * {@code -Dprobe.crac=true}, the handler's CRaC hooks run after it is constructed, as under SnapStart.
     */
    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        if (Boolean.getBoolean("probe.crac")) {
            // What SnapStart does around the snapshot, for a handler with CRaC runtime hooks (ADR 0053): the priming
            // before it, the refresh after a restore. Both count as init; the restore itself cannot be measured here.
            for (String hook : new String[] {"beforeCheckpoint", "afterRestore"}) {
                for (java.lang.reflect.Method m : handler.getClass().getMethods()) {
                    if (m.getName().equals(hook) && m.getParameterCount() == 1) {
                        m.invoke(handler, new Object[] {null});
                    }
                }
            }
        }
        long constructed = System.currentTimeMillis();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(event), out, new ProbeContext());
        long handled = System.currentTimeMillis();
        System.out.println(out.toString(StandardCharsets.UTF_8));
        String launchedAt = System.getProperty("probe.launchedAt");
        if (launchedAt != null) {
            System.out.println("probe-phases jvm=" + (main - Long.parseLong(launchedAt)) + " init=" + (constructed - main)
                    + " event=" + (handled - constructed));
        }
        if (Boolean.getBoolean("probe.second")) {
            // The same work again in this JVM (another new alarm), its classes loaded: mostly the AWS round trips.
            String second = System.getProperty("probe.secondEvent");
            byte[] again = second != null ? Files.readAllBytes(Path.of(second))
                    : new String(event, StandardCharsets.UTF_8).replace("coldstart-", "coldstart-again-")
                    .getBytes(StandardCharsets.UTF_8);
            long start = System.currentTimeMillis();
            handler.handleRequest(new java.io.ByteArrayInputStream(again), new ByteArrayOutputStream(), new ProbeContext());
            System.out.println("probe-second " + (System.currentTimeMillis() - start));
        }
    }

    /** Just enough of a Lambda context; logs go to stderr. */
    static final class ProbeContext implements Context {
        @Override public String getAwsRequestId() { return "cold-start-probe"; }
        @Override public String getLogGroupName() { return "probe"; }
        @Override public String getLogStreamName() { return "probe"; }
        @Override public String getFunctionName() { return "probe"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:probe"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        /** {@code -Dprobe.remainingMs}: the escalation sweep waits for work due within its remaining time. */
        @Override public int getRemainingTimeInMillis() { return Integer.getInteger("probe.remainingMs", 30_000); }
        @Override public int getMemoryLimitInMB() { return 1024; }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.println(message); }
                @Override public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
