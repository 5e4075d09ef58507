package io.cartwright.catalog.config;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.catalog.product.ProductDetails;
import io.cartwright.catalog.product.ProductRequest;
import io.cartwright.catalog.product.ProductStatus;
import io.cartwright.infra.EmbeddedRedis;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis stopped, reads answer from MySQL, writes succeed and the health stays UP.
 * This class has a Redis of its own, so that stopping it leaves the JVM's shared Redis to
 * the other test classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import({ TestCatalog.class, RedisDownIT.OwnRedis.class })
@DirtiesContext
class RedisDownIT {

	private static final EmbeddedRedis redis = EmbeddedRedis.builder().start();

	private static final String STAFF = "Bearer " + TestTokens.staff("s1");

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	@Autowired
	MeterRegistry meters;

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@Test
	void keepsAnsweringFromMySqlAndStaysUpWhileRedisIsDown() {
		this.http.get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.cache.details.redis")
			.isEqualTo("up")
			.jsonPath("$.components.redis")
			.doesNotExist();
		CategoryView category = this.catalog.category("Offline");
		ProductDetails product = this.catalog.product(category.id(), "Offline Kettle", "Boils", 2900);
		read(product).jsonPath("$.name").isEqualTo("Offline Kettle");

		redis.stop();

		read(product).jsonPath("$.name").isEqualTo("Offline Kettle");
		this.http.put()
			.uri("/products/{id}", product.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ProductRequest(product.slug(), "Offline Kettle 2", "Boils faster", category.id(),
					product.images(), null,
					TestCatalog.request(category.id(), "x", "x", ProductStatus.ACTIVE, 2900).variants()))
			.exchange()
			.expectStatus()
			.isOk();
		read(product).jsonPath("$.name").isEqualTo("Offline Kettle 2");
		this.http.get().uri("/categories").exchange().expectStatus().isOk();
		this.http.get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.cache.status")
			.isEqualTo("UP")
			.jsonPath("$.components.cache.details.redis")
			.isEqualTo("unavailable, reads go to MySQL");
		assertThat(this.meters.get("cartwright.cache.errors")
			.tag("cache", "product-by-id")
			.tag("operation", "get")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	private RestTestClient.BodyContentSpec read(ProductDetails product) {
		return this.http.get().uri("/products/{id}", product.id()).exchange().expectStatus().isOk().expectBody();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedis {

		@Bean
		@Primary
		DataRedisConnectionDetails ownRedis() {
			return new DataRedisConnectionDetails() {
				@Override
				public Standalone getStandalone() {
					return Standalone.of(redis.host(), redis.port());
				}
			};
		}

	}

}
