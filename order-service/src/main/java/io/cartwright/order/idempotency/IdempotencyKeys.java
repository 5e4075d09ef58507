package io.cartwright.order.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency keys with Stripe's rules: the same key with the same request gets the first
 * response again; the same key with a different request is refused; a key whose first
 * request is still running is refused as a conflict; keys are kept for a day.
 * <p>
 * A key is claimed in a short transaction of its own ({@link #claim}); the work and
 * {@link #complete} then run in the caller's transaction, so the response is stored if
 * and only if the work commits. A claim whose work never completed (the process died) can
 * be taken over once it is older than the lock timeout.
 */
@Component
public class IdempotencyKeys {

	/** How long keys are kept. */
	static final Duration RETENTION = Duration.ofHours(24);

	/** A claim older than this is taken to be abandoned. */
	static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Claims a key for a request, or says why not.
	 * @param owner who sends the request (keys are per customer)
	 * @param key the client's {@code Idempotency-Key}
	 * @param requestHash a hash of the request, to recognise a different request under
	 * the same key
	 * @return {@link Claim.Granted} to go ahead, {@link Claim.Replay} with the stored
	 * response, {@link Claim.Mismatch} or {@link Claim.InProgress}
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
	public Claim claim(String owner, String key, String requestHash) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("DELETE FROM idempotency_key WHERE customer_id = :owner AND idem_key = :key AND expires_at < :now")
			.param("owner", owner)
			.param("key", key)
			.param("now", now)
			.update();
		try {
			this.jdbc
				.sql("INSERT INTO idempotency_key (customer_id, idem_key, request_hash, status, locked_at, expires_at) "
						+ "VALUES (:owner, :key, :hash, 'IN_PROGRESS', :now, :expires)")
				.param("owner", owner)
				.param("key", key)
				.param("hash", requestHash)
				.param("now", now)
				.param("expires", now.plus(RETENTION))
				.update();
			return new Claim.Granted();
		}
		catch (DuplicateKeyException taken) {
			return existing(owner, key, requestHash, now);
		}
	}

	private Claim existing(String owner, String key, String requestHash, Instant now) {
		Stored stored = this.jdbc
			.sql("SELECT request_hash, status, response_status, response_body, locked_at FROM idempotency_key "
					+ "WHERE customer_id = :owner AND idem_key = :key FOR UPDATE")
			.param("owner", owner)
			.param("key", key)
			.query((row, n) -> new Stored(row.getString("request_hash"), row.getString("status"),
					row.getInt("response_status"), row.getString("response_body"),
					row.getTimestamp("locked_at").toInstant()))
			.optional()
			.orElseThrow(() -> new IllegalStateException("Idempotency key vanished while claimed"));
		if (!stored.requestHash().equals(requestHash)) {
			return new Claim.Mismatch();
		}
		if (stored.status().equals("COMPLETED")) {
			return new Claim.Replay(stored.responseStatus(), stored.responseBody());
		}
		boolean abandoned = stored.lockedAt().isBefore(now.minus(LOCK_TIMEOUT));
		if (abandoned && takeOver(owner, key, stored.lockedAt(), now)) {
			return new Claim.Granted();
		}
		return new Claim.InProgress();
	}

	private boolean takeOver(String owner, String key, Instant lockedAt, Instant now) {
		return this.jdbc
			.sql("UPDATE idempotency_key SET locked_at = :now WHERE customer_id = :owner AND idem_key = :key "
					+ "AND status = 'IN_PROGRESS' AND locked_at = :lockedAt")
			.param("now", now)
			.param("owner", owner)
			.param("key", key)
			.param("lockedAt", lockedAt)
			.update() == 1;
	}

	/**
	 * Stores the response of a claimed key, in the caller's transaction.
	 * @param owner the owner
	 * @param key the key
	 * @param status the HTTP status of the response
	 * @param body the response body
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void complete(String owner, String key, int status, String body) {
		int updated = this.jdbc
			.sql("UPDATE idempotency_key SET status = 'COMPLETED', response_status = :status, response_body = :body "
					+ "WHERE customer_id = :owner AND idem_key = :key AND status = 'IN_PROGRESS'")
			.param("status", status)
			.param("body", body)
			.param("owner", owner)
			.param("key", key)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Idempotency key " + key + " was not claimed");
		}
	}

	/**
	 * Gives a claimed key up after its work failed unexpectedly, so that a retry may run.
	 * @param owner the owner
	 * @param key the key
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
	public void release(String owner, String key) {
		this.jdbc.sql(
				"DELETE FROM idempotency_key WHERE customer_id = :owner AND idem_key = :key AND status = 'IN_PROGRESS'")
			.param("owner", owner)
			.param("key", key)
			.update();
	}

	/**
	 * Deletes keys past their retention.
	 * @return how many were deleted
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public int purgeExpired() {
		return this.jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < :now")
			.param("now", this.clock.instant())
			.update();
	}

	private record Stored(String requestHash, String status, int responseStatus, String responseBody,
			Instant lockedAt) {
	}

	/** What claiming a key gives. */
	public sealed interface Claim {

		/** The key is new (or abandoned): do the work, then {@link #complete}. */
		record Granted() implements Claim {
		}

		/** The same request ran before: answer with its response. */
		record Replay(int status, String body) implements Claim {
		}

		/** The key was used for a different request: 422. */
		record Mismatch() implements Claim {
		}

		/** The first request with this key is still running: 409. */
		record InProgress() implements Claim {
		}

	}

}
