package io.cartwright.infra.test;

import io.cartwright.infra.EmbeddedKafka;
import io.cartwright.infra.EmbeddedMariaDb;
import io.cartwright.infra.EmbeddedRedis;

/**
 * The embedded servers of this JVM: each is started on a free port with temporary data on
 * first use and stopped by a JVM shutdown hook. Used by {@link EmbeddedInfrastructure},
 * and by any other code of the same JVM that needs the same servers, such as end-to-end
 * tests.
 */
public final class SharedInfrastructure {

	private static final SharedServer<EmbeddedMariaDb> MARIADB = new SharedServer<>("MariaDB",
			() -> EmbeddedMariaDb.builder().killOnJvmExit(false).start());

	private static final SharedServer<EmbeddedRedis> REDIS = new SharedServer<>("Redis",
			() -> EmbeddedRedis.builder().start());

	private static final SharedServer<EmbeddedKafka> KAFKA = new SharedServer<>("Kafka",
			() -> EmbeddedKafka.builder().start());

	private SharedInfrastructure() {
	}

	/**
	 * Returns the MariaDB server of this JVM, starting it if needed.
	 * @return the running server
	 */
	public static EmbeddedMariaDb mariaDb() {
		return MARIADB.get();
	}

	/**
	 * Returns the Redis server of this JVM, starting it if needed.
	 * @return the running server
	 */
	public static EmbeddedRedis redis() {
		return REDIS.get();
	}

	/**
	 * Returns the Kafka broker of this JVM, starting it if needed.
	 * @return the running broker
	 */
	public static EmbeddedKafka kafka() {
		return KAFKA.get();
	}

}
