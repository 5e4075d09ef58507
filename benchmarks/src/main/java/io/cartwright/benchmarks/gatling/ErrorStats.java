package io.cartwright.benchmarks.gatling;

/**
 * One line of a Gatling report's errors table: why requests failed. A failed named check
 * shows under its name, e.g. {@code lost update: ...} for the cart's lost-update check.
 *
 * @param message the error (Gatling cuts long ones short)
 * @param count how many requests failed with it
 */
public record ErrorStats(String message, long count) {
}
