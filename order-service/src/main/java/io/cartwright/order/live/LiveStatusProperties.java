package io.cartwright.order.live;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live order status streams ({@code cartwright.order.live.*}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so that proxies and load
 * balancers do not close it for idleness
 * @param reconnectDelay the {@code retry:} hint: how long a client waits before it
 * reconnects after the stream closed
 * @param maxLifetime the longest a stream stays open; it closes then (earlier when the
 * caller's token expires) and the client reconnects with {@code Last-Event-ID}
 * @param pollInterval how often every open stream is compared with MySQL, whatever Redis
 * says: what catches a change whose Redis message was lost or never sent (Redis down)
 * @param maxStreams the most streams one instance holds; one more is refused with 503.
 * Each idle stream takes about 120 KiB of heap (Tomcat's connection state, ADR 0021), so
 * this is what keeps the streams' share of the heap bounded
 * @param maxStreamsPerCustomer the most streams one customer may have open on one
 * instance; one more is refused with 429
 * @param maxConcurrentReads the most database reads the streams of one instance run at
 * once, so that a burst of changes cannot take every connection of the pool
 * @param snapshotLimit the most open orders a fresh "my orders" stream lists in its first
 * event
 */
@ConfigurationProperties("cartwright.order.live")
@Validated
public record LiveStatusProperties(@NotNull @DefaultValue("15s") Duration heartbeat,
		@NotNull @DefaultValue("3s") Duration reconnectDelay, @NotNull @DefaultValue("10m") Duration maxLifetime,
		@NotNull @DefaultValue("10s") Duration pollInterval, @Min(1) @Max(100_000) @DefaultValue("2000") int maxStreams,
		@Min(1) @Max(1000) @DefaultValue("5") int maxStreamsPerCustomer,
		@Min(1) @Max(100) @DefaultValue("4") int maxConcurrentReads,
		@Min(1) @Max(1000) @DefaultValue("100") int snapshotLimit) {
}
