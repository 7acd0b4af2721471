package dev.firebell.bench.coldstart;

/** The floor: a JVM that starts, prints and exits. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
