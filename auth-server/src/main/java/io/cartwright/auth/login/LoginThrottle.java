package io.cartwright.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per normalized email — whether it has an account or not, so that
 * a lock says nothing about an email — and per client address, in the
 * {@code login_throttle} table that every instance shares. A key that reaches its limit
 * within {@code window} is locked for a whole {@code window}; attempts while locked are
 * refused without a password check and not counted. A successful sign-in clears its
 * email's count. Keys are SHA-256 hashes, so the table holds no email typed by a
 * stranger.
 */
@Component
class LoginThrottle implements SchedulingConfigurer {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, TransactionTemplate transactions, LoginProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether sign-ins for this email, or from this address, are refused now.
	 * @param email the normalized email
	 * @param address the client's address, or {@code null}
	 * @return whether either is locked
	 */
	boolean isLocked(String email, String address) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key IN (:keys) AND locked_until > :now")
			.param("keys", keys(email, address))
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Counts a failed sign-in.
	 * @param email the normalized email
	 * @param address the client's address, or {@code null}
	 */
	void failed(String email, String address) {
		count(emailKey(email), this.properties.maxFailuresPerEmail());
		if (address != null) {
			count(addressKey(address), this.properties.maxFailuresPerAddress());
		}
	}

	/**
	 * Clears the failures of an email after a successful sign-in.
	 * @param email the normalized email
	 */
	void succeeded(String email) {
		this.jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = :key").param("key", emailKey(email)).update();
	}

	/**
	 * Counts one failure under a row lock, so that concurrent failures on several
	 * instances are all counted.
	 */
	private void count(String key, int limit) {
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			this.jdbc
				.sql("INSERT INTO login_throttle (throttle_key, failures, window_start) VALUES (:key, 0, :now) "
						+ "ON DUPLICATE KEY UPDATE throttle_key = throttle_key")
				.param("key", key)
				.param("now", Timestamp.from(now))
				.update();
			Counter counter = this.jdbc
				.sql("SELECT failures, window_start FROM login_throttle WHERE throttle_key = :key FOR UPDATE")
				.param("key", key)
				.query((row, number) -> new Counter(row.getInt("failures"),
						row.getTimestamp("window_start").toInstant()))
				.single();
			boolean windowOver = !counter.windowStart().isAfter(now.minus(this.properties.window()));
			int failures = windowOver ? 1 : counter.failures() + 1;
			Instant windowStart = windowOver ? now : counter.windowStart();
			Instant lockedUntil = (failures >= limit) ? now.plus(this.properties.window()) : null;
			this.jdbc
				.sql("UPDATE login_throttle SET failures = :failures, window_start = :windowStart, "
						+ "locked_until = :lockedUntil WHERE throttle_key = :key")
				.param("failures", failures)
				.param("windowStart", Timestamp.from(windowStart))
				.param("lockedUntil", (lockedUntil != null) ? Timestamp.from(lockedUntil) : null)
				.param("key", key)
				.update();
		});
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::purge, this.properties.window());
	}

	/** Deletes the counters whose window and lock are over. */
	void purge() {
		Instant now = this.clock.instant();
		this.jdbc.sql(
				"DELETE FROM login_throttle WHERE window_start < :oldest AND (locked_until IS NULL OR locked_until < :now)")
			.param("oldest", Timestamp.from(now.minus(this.properties.window())))
			.param("now", Timestamp.from(now))
			.update();
	}

	private static List<String> keys(String email, String address) {
		List<String> keys = new ArrayList<>();
		keys.add(emailKey(email));
		if (address != null) {
			keys.add(addressKey(address));
		}
		return keys;
	}

	private static String emailKey(String email) {
		return sha256("email:" + email);
	}

	private static String addressKey(String address) {
		return sha256("address:" + address);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JVM has no SHA-256", ex);
		}
	}

	private record Counter(int failures, Instant windowStart) {
	}

}
