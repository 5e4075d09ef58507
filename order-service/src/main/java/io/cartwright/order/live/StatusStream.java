package io.cartwright.order.live;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One open stream: an {@link SseEmitter} and how far the client has got (the cursor: the
 * id of the last event sent). No thread belongs to it while nothing happens; when it is
 * woken, a task reads the entries after the cursor from MySQL and sends them in order,
 * moving the cursor past each one sent — so an entry is sent once, in order, whether the
 * wake came from this instance, from Redis or from the poll, and however many came at
 * once (they collapse into one catch-up).
 */
final class StatusStream {

	private static final Logger log = LoggerFactory.getLogger(StatusStream.class);

	/** Entries read per query; a longer backlog takes several. */
	static final int BATCH = 100;

	private final String customerId;

	private final @Nullable UUID orderId;

	private final SseEmitter emitter;

	private final LongFunction<List<StatusEvent>> entriesAfter;

	private final EventWriter writer;

	private final Executor executor;

	private final ReentrantLock writes = new ReentrantLock();

	private final AtomicBoolean catchingUp = new AtomicBoolean();

	private final AtomicBoolean behind = new AtomicBoolean();

	private volatile long cursor;

	private volatile boolean closed;

	/**
	 * @param customerId the customer whose stream it is
	 * @param orderId the order it follows, or {@code null} for all the customer's orders
	 * @param emitter the response
	 * @param entriesAfter reads up to {@link #BATCH} entries after an id, in order
	 * @param writer turns an entry into an event
	 * @param executor runs the catch-ups and writes
	 */
	StatusStream(String customerId, @Nullable UUID orderId, SseEmitter emitter,
			LongFunction<List<StatusEvent>> entriesAfter, EventWriter writer, Executor executor) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.emitter = emitter;
		this.entriesAfter = entriesAfter;
		this.writer = writer;
		this.executor = executor;
	}

	String customerId() {
		return this.customerId;
	}

	@Nullable UUID orderId() {
		return this.orderId;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	long cursor() {
		return this.cursor;
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Something changed up to this id: catch up unless the client already has it.
	 * @param upTo the id of the newest entry there is
	 */
	void wake(long upTo) {
		if (upTo > this.cursor) {
			catchUp();
		}
	}

	/** Reads and sends whatever is newer than the cursor, on the executor. */
	void catchUp() {
		if (this.closed) {
			return;
		}
		this.behind.set(true);
		if (this.catchingUp.compareAndSet(false, true)) {
			this.executor.execute(this::runCatchUp);
		}
	}

	private void runCatchUp() {
		try {
			while (this.behind.getAndSet(false) && !this.closed) {
				sendEverythingAfterCursor();
			}
		}
		catch (DataAccessException ex) {
			// The next wake or poll tries again from the same cursor.
			log.warn("Could not read the history for a stream of customer {}: {}", this.customerId, ex.toString());
		}
		catch (RuntimeException ex) {
			log.warn("A stream of customer {} failed", this.customerId, ex);
			close();
		}
		finally {
			this.catchingUp.set(false);
			if (this.behind.get() && !this.closed && this.catchingUp.compareAndSet(false, true)) {
				this.executor.execute(this::runCatchUp);
			}
		}
	}

	private void sendEverythingAfterCursor() {
		List<StatusEvent> entries;
		do {
			entries = this.entriesAfter.apply(this.cursor);
			for (StatusEvent entry : entries) {
				long id = (this.orderId != null) ? entry.sequence() : entryPosition(entry);
				if (id <= this.cursor) {
					continue;
				}
				if (!send(this.writer.event(id, entry, this.orderId != null))) {
					return;
				}
				this.cursor = id;
				if (this.orderId != null && entry.terminal()) {
					// Nothing can follow: the client is done with this order.
					close();
					return;
				}
			}
		}
		while (entries.size() >= BATCH && !this.closed);
	}

	private static long entryPosition(StatusEvent entry) {
		Long position = entry.position();
		if (position == null) {
			throw new IllegalStateException(
					"Entry " + entry.sequence() + " of order " + entry.orderId() + " has no feed position");
		}
		return position;
	}

	/** Sends a comment line, so that proxies see traffic on an idle stream. */
	void heartbeat() {
		if (!this.closed) {
			this.executor.execute(() -> send(SseEmitter.event().comment("keep-alive")));
		}
	}

	/**
	 * Sets where the stream starts, before it is woken for the first time.
	 * @param cursor the id of the last event the client has
	 */
	void startAt(long cursor) {
		this.cursor = cursor;
	}

	/**
	 * Sends one event; one write at a time per stream.
	 * @return {@code false} when the client is gone (the stream is closed then)
	 */
	boolean send(SseEventBuilder event) {
		this.writes.lock();
		try {
			if (this.closed) {
				return false;
			}
			this.emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException gone) {
			// The client went away (or the stream already ended); the container tells the
			// emitter too, which unregisters the stream.
			log.debug("A stream of customer {} is gone: {}", this.customerId, gone.toString());
			this.closed = true;
			return false;
		}
		finally {
			this.writes.unlock();
		}
	}

	/** Ends the stream; the client reconnects (or, after a terminal status, stops). */
	void close() {
		this.writes.lock();
		try {
			if (!this.closed) {
				this.closed = true;
				this.emitter.complete();
			}
		}
		finally {
			this.writes.unlock();
		}
	}

	/**
	 * Marks the stream closed once the container ended it (timeout, error, completion).
	 */
	void ended() {
		this.closed = true;
	}

	/** Turns a history entry into an SSE event. */
	@FunctionalInterface
	interface EventWriter {

		/**
		 * @param id the event's id
		 * @param entry the entry
		 * @param ofOneOrder whether the stream follows one order (no feed position then)
		 * @return the event
		 */
		SseEventBuilder event(long id, StatusEvent entry, boolean ofOneOrder);

	}

}
