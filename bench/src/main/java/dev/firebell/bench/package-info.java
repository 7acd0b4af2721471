/**
 * Benchmarks. Each one is a JMH benchmark or a harness with a {@code main}, run by a documented
 * command (see docs/performance.md), and prints a table. None of them runs in {@code mvn verify}.
 */
package dev.firebell.bench;
