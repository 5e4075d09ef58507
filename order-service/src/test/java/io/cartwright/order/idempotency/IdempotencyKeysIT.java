package io.cartwright.order.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.order.idempotency.IdempotencyKeys.Claim;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataJpaTest
@EmbeddedInfrastructure
@Import({ IdempotencyKeys.class, IdempotencyKeysIT.MovableClock.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class IdempotencyKeysIT {

	static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	MovableClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	final String owner = "customer-" + UUID.randomUUID();

	final String key = UUID.randomUUID().toString();

	@Test
	void grantsANewKeyAndReplaysItsResponseForTheSameRequest() {
		this.clock.set(START);
		assertThat(this.keys.claim(this.owner, this.key, "hash-a")).isInstanceOf(Claim.Granted.class);
		complete(202, "{\"id\":\"o-1\"}");

		assertThat(this.keys.claim(this.owner, this.key, "hash-a"))
			.isEqualTo(new Claim.Replay(202, "{\"id\":\"o-1\"}"));
	}

	@Test
	void refusesTheSameKeyForADifferentRequest() {
		this.clock.set(START);
		this.keys.claim(this.owner, this.key, "hash-a");
		complete(202, "{}");

		assertThat(this.keys.claim(this.owner, this.key, "hash-b")).isInstanceOf(Claim.Mismatch.class);
	}

	@Test
	void refusesTheKeyWhileItsFirstRequestIsRunningAndFreesItWhenAbandoned() {
		this.clock.set(START);
		this.keys.claim(this.owner, this.key, "hash-a");

		assertThat(this.keys.claim(this.owner, this.key, "hash-a")).isInstanceOf(Claim.InProgress.class);
		this.clock.set(START.plus(IdempotencyKeys.LOCK_TIMEOUT).plusSeconds(1));
		assertThat(this.keys.claim(this.owner, this.key, "hash-a")).isInstanceOf(Claim.Granted.class);
	}

	@Test
	void keysArePerCustomer() {
		this.clock.set(START);
		this.keys.claim(this.owner, this.key, "hash-a");

		assertThat(this.keys.claim("someone-else-" + UUID.randomUUID(), this.key, "hash-z"))
			.isInstanceOf(Claim.Granted.class);
	}

	@Test
	void forgetsAKeyAfterADay() {
		this.clock.set(START);
		this.keys.claim(this.owner, this.key, "hash-a");
		complete(202, "{}");

		this.clock.set(START.plus(IdempotencyKeys.RETENTION).plusSeconds(1));
		assertThat(this.keys.claim(this.owner, this.key, "hash-b")).isInstanceOf(Claim.Granted.class);
	}

	@Test
	void aReleasedKeyCanBeUsedAgainAndAResponseIsStoredOnlyIfTheWorkCommits() {
		this.clock.set(START);
		this.keys.claim(this.owner, this.key, "hash-a");
		assertThatThrownBy(() -> new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			this.keys.complete(this.owner, this.key, 202, "{}");
			throw new IllegalStateException("the work failed");
		})).hasMessage("the work failed");
		assertThat(this.keys.claim(this.owner, this.key, "hash-a")).isInstanceOf(Claim.InProgress.class);

		this.keys.release(this.owner, this.key);
		assertThat(this.keys.claim(this.owner, this.key, "hash-a")).isInstanceOf(Claim.Granted.class);
	}

	@Test
	void purgesExpiredKeys() {
		this.clock.set(START.minus(IdempotencyKeys.RETENTION).minusSeconds(60));
		this.keys.claim(this.owner, this.key, "hash-a");
		this.clock.set(START);

		assertThat(this.keys.purgeExpired()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = :key")
			.param("key", this.key)
			.query(Integer.class)
			.single()).isZero();
	}

	private void complete(int status, String body) {
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((tx) -> this.keys.complete(this.owner, this.key, status, body));
	}

	/** The service's clock, set by each test. */
	static class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(START);

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
