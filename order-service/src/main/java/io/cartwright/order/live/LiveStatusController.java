package io.cartwright.order.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.cartwright.order.web.BadRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live order status as server-sent events ({@code text/event-stream}): one order's
 * changes for its owner, or all of a customer's. A reconnecting client sends the id of
 * the last event it got in {@code Last-Event-ID} (or, for clients that cannot set
 * headers, the {@code lastEventId} query parameter) and gets exactly what it missed.
 * Another customer's order is "not found"; a stream never outlives the token it was
 * opened with.
 */
@RestController
class LiveStatusController {

	/** Tells nginx (an ingress) not to buffer the stream. */
	private static final String NO_PROXY_BUFFERING = "X-Accel-Buffering";

	private final StatusStreams streams;

	private final LiveStatusProperties properties;

	private final Clock clock;

	LiveStatusController(StatusStreams streams, LiveStatusProperties properties, Clock clock) {
		this.streams = streams;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(path = "/orders/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> orderEvents(@PathVariable UUID id,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParameter,
			@AuthenticationPrincipal Jwt token) {
		return this.streams
			.openOrderStream(id, token.getSubject(), lastEventId(lastEventIdHeader, lastEventIdParameter),
					lifetime(token))
			.map(LiveStatusController::stream)
			// The order is over and the client has its last status: 204 stops an
			// EventSource from reconnecting.
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping(path = "/customers/me/orders/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> customerEvents(
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParameter,
			@AuthenticationPrincipal Jwt token) {
		return stream(this.streams.openCustomerStream(token.getSubject(),
				lastEventId(lastEventIdHeader, lastEventIdParameter), lifetime(token)));
	}

	private static ResponseEntity<SseEmitter> stream(SseEmitter emitter) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(NO_PROXY_BUFFERING, "no").body(emitter);
	}

	/** Until the configured maximum, or the token's expiry if that comes first. */
	private Duration lifetime(Jwt token) {
		Duration lifetime = this.properties.maxLifetime();
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt != null) {
			Duration untilExpiry = Duration.between(this.clock.instant(), expiresAt);
			if (untilExpiry.compareTo(lifetime) < 0) {
				lifetime = untilExpiry;
			}
		}
		return lifetime.isNegative() ? Duration.ZERO : lifetime;
	}

	private static @Nullable Long lastEventId(@Nullable String header, @Nullable String parameter) {
		String value = (header != null && !header.isBlank()) ? header : parameter;
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(value.trim());
			if (id < 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("invalid-last-event-id",
					"Last-Event-ID must be the id of an event of this stream (a number), not '" + value + "'.");
		}
	}

}
