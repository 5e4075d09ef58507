/**
 * The load suite: {@code benchmarks/run} starts the platform, seeds a large catalog, runs
 * the scenarios and writes {@code benchmarks/RESULTS.md}.
 */
package io.cartwright.benchmarks;
