package io.cartwright.gateway;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as it runs, on a random port, with its configuration from config-repo, the
 * embedded Redis and test tokens, routing to the {@link Upstreams}. Rate limits are
 * raised so far that only the tests about them meet them. Every subclass shares this one
 * running gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "RATE_LIMIT_ANONYMOUS_REPLENISH_RATE=10000", "RATE_LIMIT_ANONYMOUS_BURST_CAPACITY=10000",
				"RATE_LIMIT_AUTHENTICATED_REPLENISH_RATE=10000", "RATE_LIMIT_AUTHENTICATED_BURST_CAPACITY=10000",
				"RATE_LIMIT_AUTH_REPLENISH_RATE=10000", "RATE_LIMIT_AUTH_BURST_CAPACITY=10000" })
@AutoConfigureWebTestClient
@EmbeddedInfrastructure
abstract class GatewayIntegrationTest {

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstreams.register(registry);
	}

	@BeforeEach
	void resetUpstreams() {
		Upstreams.reset();
	}

}
