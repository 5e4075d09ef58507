package io.cartwright.catalog;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
class CatalogApplicationIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void reportsReadyOnceItsDatabaseIsUp() {
		http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheServiceName() {
		String scrape = http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(scrape).contains("jvm_memory_used_bytes").contains("application=\"catalog-service\"");
		assertThat(scrape).as("cache statistics per cache")
			.contains("cache_gets_total{application=\"catalog-service\",cache=\"product-by-id\"")
			.contains("cache_gets_total{application=\"catalog-service\",cache=\"category-tree\"");
		assertThat(scrape).as("the outbox and the dead letters")
			.contains("cartwright_outbox_pending{")
			.contains("cartwright_outbox_oldest_age_seconds{")
			.contains(
					"cartwright_kafka_dead_letters_total{application=\"catalog-service\",topic=\"order.order-events\"}")
			.contains("hikaricp_connections_active{");
	}

	@Test
	void appliesTheFlywayBaselineToItsOwnSchema() {
		assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo("catalog");
		assertThat(jdbc.queryForList("select version from flyway_schema_history where success = 1", String.class))
			.contains("1");
		assertThat(jdbc.queryForObject("select count(*) from processed_event", Integer.class)).isNotNull();
	}

	@Test
	void answersAnUnknownPathWithAProblemDetail() {
		http.get()
			.uri("/no-such-resource")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Not Found");
	}

	@Test
	void documentsItsApiWithOpenApi() {
		http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("Cartwright catalog API");
	}

}
