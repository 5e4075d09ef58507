/**
 * Real MariaDB, Redis and Kafka (KRaft) servers embedded from Maven Central, listening on
 * 127.0.0.1 only, for the tests and the local run:
 * {@link io.cartwright.infra.EmbeddedMariaDb}, {@link io.cartwright.infra.EmbeddedRedis},
 * {@link io.cartwright.infra.EmbeddedKafka}.
 */
package io.cartwright.infra;
