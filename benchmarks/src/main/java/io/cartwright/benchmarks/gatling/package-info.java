/**
 * Running Gatling in a JVM of its own
 * ({@link io.cartwright.benchmarks.gatling.GatlingRun}) and reading its results
 * ({@link io.cartwright.benchmarks.gatling.GatlingStats}).
 */
package io.cartwright.benchmarks.gatling;
