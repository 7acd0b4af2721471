package dev.firebell.testing;

/** Thrown where the process would have died. */
public final class SimulatedCrash extends RuntimeException {
    public SimulatedCrash(CrashPoint where) {
        super("simulated crash " + where);
    }
}
