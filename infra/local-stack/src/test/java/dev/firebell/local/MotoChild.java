package dev.firebell.local;

/**
 * A JVM that starts moto and never closes it, for tests that kill this JVM and check moto goes with it.
 * Prints "moto PID PORT" once moto answers.
 */
public final class MotoChild {

    private MotoChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        MotoServer server = MotoServer.start();
        System.out.println("moto " + server.pid() + " " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
