/**
 * The Gatling simulations of the load suite. Each one reads its target and its load from
 * {@code bench.*} system properties (see
 * {@link io.cartwright.benchmarks.simulations.Bench}) and is forked by
 * {@link io.cartwright.benchmarks.gatling.GatlingRun}.
 */
package io.cartwright.benchmarks.simulations;
