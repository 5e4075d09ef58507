package io.cartwright.order.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import io.cartwright.order.web.ResourceNotFoundException;
import io.cartwright.order.web.ServiceUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The open streams of this instance: opens them (owner check, {@link StreamQuota}, where
 * to start), finds them when something changed, sends their heart-beats, and closes them
 * all when the instance stops, so that clients reconnect elsewhere at once instead of
 * holding up the graceful shutdown.
 * <p>
 * An idle stream holds no thread: it is an asynchronous request (Servlet async, the
 * container's thread goes back at once), an {@link SseEmitter}, a {@link StatusStream}
 * and a few map entries. Work happens on virtual threads only when there is something to
 * send; database reads of all streams together are limited to
 * {@code max-concurrent-reads} at a time.
 */
@Component
class StatusStreams implements SchedulingConfigurer, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusStreams.class);

	private final StatusHistory history;

	private final CustomerFeed feed;

	private final LiveStatusProperties properties;

	private final JsonMapper json;

	private volatile ExecutorService executor = newExecutor();

	private final Semaphore reads;

	private final Set<StatusStream> all = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Set<StatusStream>> byOrder = new ConcurrentHashMap<>();

	private final Map<String, Set<StatusStream>> byCustomer = new ConcurrentHashMap<>();

	private final StreamQuota quota;

	private volatile boolean running;

	StatusStreams(StatusHistory history, CustomerFeed feed, LiveStatusProperties properties, JsonMapper json,
			MeterRegistry meters) {
		this.history = history;
		this.feed = feed;
		this.properties = properties;
		this.json = json;
		this.reads = new Semaphore(properties.maxConcurrentReads());
		this.quota = new StreamQuota(properties.maxStreams(), properties.maxStreamsPerCustomer(),
				properties.reconnectDelay());
		Gauge.builder("cartwright.order.live.streams", this.quota, StreamQuota::open)
			.description("Order status streams open on this instance")
			.register(meters);
	}

	/**
	 * Opens the stream of one order for its owner.
	 * @param orderId the order
	 * @param customerId the caller, who must own it (anybody else: 404)
	 * @param lastEventId the sequence number the client has, or {@code null} to start
	 * with the current status
	 * @param lifetime how long the stream may stay open
	 * @return the stream, or empty when the order reached its end and the client has it
	 * (answered 204, which tells an {@code EventSource} not to reconnect)
	 */
	Optional<SseEmitter> openOrderStream(UUID orderId, String customerId, @Nullable Long lastEventId,
			Duration lifetime) {
		StatusHistory.OrderHead head = this.history.head(orderId)
			.filter((order) -> order.isOwnedBy(customerId))
			.orElseThrow(() -> new ResourceNotFoundException("order", orderId));
		long cursor = (lastEventId != null) ? lastEventId : head.lastSequence() - 1;
		if (head.status().isTerminal() && cursor >= head.lastSequence()) {
			return Optional.empty();
		}
		return Optional.of(open(customerId, orderId, lifetime, (stream) -> cursor,
				(after) -> readLimited(() -> this.history.ofOrder(orderId, after, StatusStream.BATCH))));
	}

	/**
	 * Opens the stream of all of a customer's orders.
	 * @param customerId the caller
	 * @param lastEventId the feed position the client has, or {@code null} to start with
	 * a snapshot of the open orders
	 * @param lifetime how long the stream may stay open
	 * @return the stream
	 */
	SseEmitter openCustomerStream(String customerId, @Nullable Long lastEventId, Duration lifetime) {
		return open(customerId, null, lifetime, (stream) -> start(stream, customerId, lastEventId),
				(after) -> readLimited(() -> this.history.ofCustomer(customerId, after, StatusStream.BATCH)));
	}

	/** Where a customer stream starts; a fresh one first gets the snapshot. */
	private long start(StatusStream stream, String customerId, @Nullable Long lastEventId) {
		long head = this.feed.sequence(customerId);
		if (lastEventId != null) {
			return lastEventId;
		}
		List<StatusEvent> open = readLimited(
				() -> this.history.openOrdersAt(customerId, head, this.properties.snapshotLimit()));
		stream.send(SseEmitter.event()
			.id(Long.toString(head))
			.name("snapshot")
			.data(this.json.writeValueAsString(new Snapshot(head, open))));
		return head;
	}

	private SseEmitter open(String customerId, @Nullable UUID orderId, Duration lifetime, StartingPoint start,
			LongFunction<List<StatusEvent>> entriesAfter) {
		if (!this.running) {
			throw new ServiceUnavailableException("shutting-down", "This instance is shutting down; reconnect.",
					Duration.ofSeconds(1), null);
		}
		this.quota.reserve(customerId);
		try {
			SseEmitter emitter = new SseEmitter(Math.max(1000, lifetime.toMillis()));
			StatusStream stream = new StatusStream(customerId, orderId, emitter, entriesAfter, this::event,
					this::execute);
			stream.send(SseEmitter.event()
				.comment("Cartwright order status")
				.reconnectTime(this.properties.reconnectDelay().toMillis()));
			stream.startAt(start.cursor(stream));
			// Registered only now, with its cursor: from here on every change wakes it,
			// and
			// the catch-up below reads whatever came before.
			register(stream);
			stream.catchUp();
			return emitter;
		}
		catch (RuntimeException ex) {
			this.quota.release(customerId);
			throw ex;
		}
	}

	private SseEventBuilder event(long id, StatusEvent entry, boolean ofOneOrder) {
		return SseEmitter.event()
			.id(Long.toString(id))
			.name(entry.status().name())
			.data(this.json.writeValueAsString(ofOneOrder ? entry.withoutPosition() : entry));
	}

	private <T> T readLimited(Supplier<T> read) {
		try {
			this.reads.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to read the order history", ex);
		}
		try {
			return read.get();
		}
		finally {
			this.reads.release();
		}
	}

	private void register(StatusStream stream) {
		SseEmitter emitter = stream.emitter();
		// The lifetime is over (or the token expired): the client reconnects with
		// Last-Event-ID and a fresh token.
		emitter.onTimeout(stream::close);
		emitter.onError((ex) -> stream.ended());
		emitter.onCompletion(() -> unregister(stream));
		this.all.add(stream);
		if (stream.orderId() != null) {
			this.byOrder.computeIfAbsent(stream.orderId(), (id) -> ConcurrentHashMap.newKeySet()).add(stream);
		}
		else {
			this.byCustomer.computeIfAbsent(stream.customerId(), (id) -> ConcurrentHashMap.newKeySet()).add(stream);
		}
	}

	private void unregister(StatusStream stream) {
		stream.ended();
		if (this.all.remove(stream)) {
			if (stream.orderId() != null) {
				this.byOrder.computeIfPresent(stream.orderId(),
						(id, set) -> set.remove(stream) && set.isEmpty() ? null : set);
			}
			else {
				this.byCustomer.computeIfPresent(stream.customerId(),
						(id, set) -> set.remove(stream) && set.isEmpty() ? null : set);
			}
			this.quota.release(stream.customerId());
		}
	}

	/**
	 * An order's history grew.
	 * @param orderId the order
	 * @param upTo the sequence number of its newest entry
	 */
	void orderChanged(UUID orderId, long upTo) {
		Set<StatusStream> streams = this.byOrder.get(orderId);
		if (streams != null) {
			streams.forEach((stream) -> stream.wake(upTo));
		}
	}

	/**
	 * A customer's feed grew.
	 * @param customerId the customer
	 * @param upTo the feed's head position
	 */
	void customerChanged(String customerId, long upTo) {
		Set<StatusStream> streams = this.byCustomer.get(customerId);
		if (streams != null) {
			streams.forEach((stream) -> stream.wake(upTo));
		}
	}

	/** The orders followed by a stream here. */
	Set<UUID> followedOrders() {
		return Set.copyOf(this.byOrder.keySet());
	}

	/** The customers whose "my orders" stream is open here. */
	Set<String> followedCustomers() {
		return Set.copyOf(this.byCustomer.keySet());
	}

	/** How many streams are open here. */
	int openStreams() {
		return this.all.size();
	}

	/**
	 * Runs a task on the streams' virtual threads; none while the instance is stopped
	 * (there are no streams then, and the poll catches up after a restart).
	 * @param task the task
	 */
	void execute(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException stopped) {
			log.debug("Order status streams are stopped; task dropped");
		}
	}

	private static ExecutorService newExecutor() {
		return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("order-status-", 0).factory());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(() -> this.all.forEach(StatusStream::heartbeat), this.properties.heartbeat());
	}

	@Override
	public void start() {
		if (this.executor.isShutdown()) {
			this.executor = newExecutor();
		}
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown (a later phase), which
	 * would otherwise wait for them until its timeout.
	 */
	@Override
	public void stop() {
		this.running = false;
		List<StatusStream> open = new ArrayList<>(this.all);
		open.forEach(StatusStream::close);
		if (!open.isEmpty()) {
			log.info("Closed {} order status streams; their clients reconnect elsewhere", open.size());
		}
		this.executor.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Where a stream starts; may send the first events itself. */
	@FunctionalInterface
	private interface StartingPoint {

		long cursor(StatusStream stream);

	}

	/**
	 * The first event of a fresh "my orders" stream.
	 *
	 * @param position the feed position it shows the orders at (its {@code id:})
	 * @param orders the latest entry of each open order at that position
	 */
	record Snapshot(long position, List<StatusEvent> orders) {
	}

}
