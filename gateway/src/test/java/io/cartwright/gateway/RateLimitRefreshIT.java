package io.cartwright.gateway;

import java.util.Map;
import java.util.Set;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rate limit changed in the configuration applies to the next request, without a
 * restart: what a bus refresh does in every gateway instance (the environment changes,
 * Spring Cloud rebinds {@code RateLimitProperties}), done here in-process. The whole path
 * through config-server and Kafka is proven in the e2e module's {@code LiveRefreshIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "RATE_LIMIT_ANONYMOUS_REPLENISH_RATE=1000", "RATE_LIMIT_ANONYMOUS_BURST_CAPACITY=1000" })
@AutoConfigureWebTestClient
@EmbeddedInfrastructure
class RateLimitRefreshIT {

	private static final String CHANGED = "rate-limit-refresh-test";

	@Autowired
	WebTestClient http;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstreams.register(registry);
	}

	/**
	 * Takes the change back the way it came, so that the context is as it started and
	 * need not be closed: closing one disposes Reactor Netty's global resources under the
	 * other cached contexts of this JVM, and their next request can hang.
	 */
	@AfterEach
	void restore() {
		if (this.environment.getPropertySources().remove(CHANGED) != null) {
			this.context.publishEvent(new EnvironmentChangeEvent(this.context,
					Set.of("cartwright.gateway.rate-limit.anonymous.replenish-rate",
							"cartwright.gateway.rate-limit.anonymous.burst-capacity",
							"cartwright.gateway.rate-limit.enabled")));
		}
	}

	@Test
	void aSmallerAnonymousLimitFromARefreshAppliesToTheNextRequests() {
		for (int i = 0; i < 5; i++) {
			assertThat(status()).as("request %d under the configured limit", i + 1).isEqualTo(200);
		}

		change(Map.of("cartwright.gateway.rate-limit.anonymous.replenish-rate", "1",
				"cartwright.gateway.rate-limit.anonymous.burst-capacity", "2"));

		int[] statuses = { status(), status(), status(), status() };
		assertThat(statuses).contains(429);
	}

	@Test
	void turningRateLimitingOffTakesEffectAtOnce() {
		change(Map.of("cartwright.gateway.rate-limit.anonymous.replenish-rate", "1",
				"cartwright.gateway.rate-limit.anonymous.burst-capacity", "1"));
		int[] limited = { status(), status(), status() };
		assertThat(limited).contains(429);

		change(Map.of("cartwright.gateway.rate-limit.anonymous.replenish-rate", "1",
				"cartwright.gateway.rate-limit.anonymous.burst-capacity", "1", "cartwright.gateway.rate-limit.enabled",
				"false"));
		for (int i = 0; i < 5; i++) {
			assertThat(status()).isEqualTo(200);
		}
	}

	private int status() {
		return this.http.get().uri("/api/catalog/products").exchange().returnResult(Void.class).getStatus().value();
	}

	/** What a refresh does: new values in the environment, then the change event. */
	private void change(Map<String, Object> values) {
		this.environment.getPropertySources().remove(CHANGED);
		this.environment.getPropertySources().addFirst(new MapPropertySource(CHANGED, values));
		this.context.publishEvent(new EnvironmentChangeEvent(this.context, Set.copyOf(values.keySet())));
	}

}
