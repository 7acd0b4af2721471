package dev.firebell.web;

/** Where an endpoint logs what a request did, and the reference people can quote (Lambda's request id). */
public interface RequestLog {

    void info(String message);

    void warn(String message);

    void error(String message, Throwable failure);

    /** What identifies this invocation in the logs. */
    String reference();
}
