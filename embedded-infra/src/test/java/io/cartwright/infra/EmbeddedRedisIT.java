package io.cartwright.infra;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedRedisIT {

	@Test
	void keepsKeysAcrossRestartWithDataDir(@TempDir Path dataDir) {
		try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dataDir).start()) {
			withConnection(redis, (connection) -> connection.sync().set("greeting", "hello"));
		}
		try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dataDir).start()) {
			withConnection(redis, (connection) -> assertThat(connection.sync().get("greeting")).isEqualTo("hello"));
		}
	}

	@Test
	void keepsNothingWithoutDataDir() {
		try (EmbeddedRedis redis = EmbeddedRedis.builder().start()) {
			withConnection(redis, (connection) -> {
				assertThat(connection.sync().configGet("appendonly")).containsEntry("appendonly", "no");
				assertThat(connection.sync().configGet("save")).containsEntry("save", "");
			});
		}
	}

	@Test
	void failsClearlyWhenThePortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			assertThatThrownBy(() -> EmbeddedRedis.builder().port(taken.getLocalPort()).start())
				.isInstanceOf(PortInUseException.class)
				.hasMessageContaining("Redis")
				.hasMessageContaining("port " + taken.getLocalPort());
		}
	}

	private static void withConnection(EmbeddedRedis redis,
			java.util.function.Consumer<StatefulRedisConnection<String, String>> action) {
		RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			action.accept(connection);
		}
		finally {
			client.shutdown();
		}
	}

}
