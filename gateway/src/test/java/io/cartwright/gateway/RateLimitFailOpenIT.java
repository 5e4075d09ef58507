package io.cartwright.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is down (nothing listens where the gateway looks for it): requests go through
 * uncounted, quickly, and the outage shows in the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "RATE_LIMIT_ANONYMOUS_REPLENISH_RATE=1", "RATE_LIMIT_ANONYMOUS_BURST_CAPACITY=1" })
@AutoConfigureWebTestClient(timeout = "5s")
@EmbeddedInfrastructure
class RateLimitFailOpenIT {

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstreams.register(registry);
	}

	@Test
	void letsRequestsThroughWhileRedisIsDown() {
		Upstreams.reset();
		long started = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			http.get()
				.uri("/api/catalog/products")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-RateLimit-Remaining", "-1");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(Upstreams.catalog.requests()).hasSize(5);

		http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).containsPattern(
					"cartwright_gateway_rate_limit_total\\{[^}]*outcome=\"unavailable\"[^}]*tier=\"anonymous\"[^}]*\\} 5.0"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RedisDown {

		@Bean
		@Primary
		DataRedisConnectionDetails unreachableRedis() {
			int port;
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
				port = socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			DataRedisConnectionDetails.Standalone standalone = DataRedisConnectionDetails.Standalone.of("127.0.0.1",
					port);
			return new DataRedisConnectionDetails() {

				@Override
				public DataRedisConnectionDetails.Standalone getStandalone() {
					return standalone;
				}

			};
		}

	}

}
