package dev.firebell.testing;

/** Where a fault-injection test makes the process "die", around the SNS publish of a page. */
public enum CrashPoint { NONE, BEFORE_PUBLISH, AFTER_PUBLISH }
