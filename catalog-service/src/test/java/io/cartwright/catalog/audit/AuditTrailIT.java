package io.cartwright.catalog.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.catalog.product.ProductStatus;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff changes and security events end up in the audit trail, which staff, and only
 * staff, can query through {@code GET /admin/audit}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class AuditTrailIT {

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditRetention retention;

	@Test
	void staffChangesToAProductAreRecordedWithWhoFromWhereAndBeforeAndAfterNewestFirst() {
		String staff = "staff-" + UUID.randomUUID();
		CategoryView category = this.catalog.category("Audited");
		JsonNode created = send("POST", "/products", staff,
				TestCatalog.request(category.id(), "Audit Lamp", "First", ProductStatus.ACTIVE, 1200));
		String id = created.get("id").asString();
		send("POST", "/products/" + id + "/archive", staff, null);

		JsonNode page = audit(staff, "entityType=product&entityId=" + id);
		assertThat(page.at("/page/totalElements").asLong()).isEqualTo(2);
		JsonNode archived = page.at("/content/0");
		JsonNode creation = page.at("/content/1");
		assertThat(archived.get("action").asString()).isEqualTo("PRODUCT_ARCHIVED");
		assertThat(creation.get("action").asString()).isEqualTo("PRODUCT_CREATED");
		assertThat(archived.get("actor").asString()).isEqualTo(staff);
		assertThat(archived.get("roles").toString()).isEqualTo("[\"STAFF\"]");
		assertThat(archived.get("entityType").asString()).isEqualTo("product");
		assertThat(archived.get("entityId").asString()).isEqualTo(id);
		assertThat(archived.get("clientAddress").asString()).isEqualTo("203.0.113.7");
		assertThat(archived.get("requestId").asString()).isEqualTo("req-audit");
		assertThat(archived.at("/details/method").asString()).isEqualTo("POST");
		assertThat(archived.at("/details/path").asString()).isEqualTo("/products/" + id + "/archive");
		assertThat(archived.at("/before/status").asString()).isEqualTo("ACTIVE");
		assertThat(archived.at("/after/status").asString()).isEqualTo("ARCHIVED");
		assertThat(creation.get("before").isNull()).isTrue();
		assertThat(creation.at("/after/name").asString()).isEqualTo("Audit Lamp");
		assertThat(Instant.parse(archived.get("occurredAt").asString()))
			.isAfterOrEqualTo(Instant.parse(creation.get("occurredAt").asString()));
	}

	@Test
	void stockChangesAndCategoryChangesAreRecordedToo() {
		String staff = "staff-" + UUID.randomUUID();
		CategoryView category = this.catalog.category("Stocked");
		String sku = this.catalog.product(category.id(), "Counted Lamp", "Counted", 900).variants().get(0).sku();
		send("PUT", "/stock/" + sku, staff, Map.of("onHand", 10, "reason", "count"));
		send("POST", "/stock/" + sku + "/adjustments", staff, Map.of("delta", -3, "reason", "broken"));
		JsonNode renamed = send("PUT", "/categories/" + category.id(), staff,
				Map.of("slug", category.slug(), "name", "Stocked, renamed", "position", 0));

		JsonNode stock = audit(staff, "entityType=stock&entityId=" + sku);
		assertThat(stock.findValuesAsString("action")).containsExactly("STOCK_ADJUSTED", "STOCK_COUNTED");
		assertThat(stock.at("/content/0/before/onHand").asInt()).isEqualTo(10);
		assertThat(stock.at("/content/0/after/onHand").asInt()).isEqualTo(7);
		JsonNode categories = audit(staff, "action=CATEGORY_UPDATED");
		assertThat(categories.at("/content/0/entityId").asString()).isEqualTo(category.id().toString());
		assertThat(categories.at("/content/0/before/name").asString()).isEqualTo("Stocked");
		assertThat(categories.at("/content/0/after/name").asString()).isEqualTo(renamed.get("name").asString());
	}

	@Test
	void aChangeThatIsRefusedLeavesNoAuditEntry() {
		String staff = "staff-" + UUID.randomUUID();
		CategoryView category = this.catalog.category("Refused");
		this.http.post()
			.uri("/categories")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("slug", category.slug(), "name", "Same slug", "position", 0))
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		assertThat(audit(staff, "").at("/page/totalElements").asLong()).isZero();
	}

	@Test
	void filtersByTimeAndPagesNewestFirst() {
		String staff = "staff-" + UUID.randomUUID();
		CategoryView category = this.catalog.category("Paged");
		Instant start = Instant.now().minusSeconds(1);
		for (int i = 0; i < 3; i++) {
			send("PUT", "/categories/" + category.id(), staff,
					Map.of("slug", category.slug(), "name", "Paged " + i, "position", 0));
		}

		JsonNode first = audit(staff, "size=2&page=0&from=" + start);
		JsonNode second = audit(staff, "size=2&page=1&from=" + start);
		assertThat(first.at("/page/totalElements").asLong()).isEqualTo(3);
		assertThat(first.at("/page/totalPages").asInt()).isEqualTo(2);
		assertThat(first.at("/content/0/after/name").asString()).isEqualTo("Paged 2");
		assertThat(first.at("/content/1/after/name").asString()).isEqualTo("Paged 1");
		assertThat(second.at("/content/0/after/name").asString()).isEqualTo("Paged 0");
		assertThat(audit(staff, "to=" + start).at("/page/totalElements").asLong()).isZero();
	}

	@Test
	void customersGet403AndAnonymousCallers401() {
		this.http.get()
			.uri("/admin/audit")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("c-1"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get().uri("/admin/audit").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aRefusedTokenAndA403AreRecordedAsSecurityEvents() {
		String customer = "customer-" + UUID.randomUUID();
		this.http.post()
			.uri("/categories")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.header("X-Forwarded-For", "198.51.100.4")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("slug", "nope-" + UUID.randomUUID(), "name", "Nope", "position", 0))
			.exchange()
			.expectStatus()
			.isForbidden();
		String requestId = "expired-" + UUID.randomUUID();
		this.http.get()
			.uri("/stock/SKU-1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired(customer, "STAFF"))
			.header("X-Request-Id", requestId)
			.exchange()
			.expectStatus()
			.isUnauthorized();

		JsonNode denied = audit(customer, "action=ACCESS_DENIED");
		assertThat(denied.at("/page/totalElements").asLong()).isEqualTo(1);
		assertThat(denied.at("/content/0/roles").toString()).isEqualTo("[\"CUSTOMER\"]");
		assertThat(denied.at("/content/0/clientAddress").asString()).isEqualTo("198.51.100.4");
		assertThat(denied.at("/content/0/details/status").asInt()).isEqualTo(403);
		assertThat(denied.at("/content/0/details/path").asString()).isEqualTo("/categories");
		JsonNode refused = audit("anonymous", "action=TOKEN_REFUSED&size=100");
		List<JsonNode> mine = refused.get("content")
			.valueStream()
			.filter((entry) -> requestId.equals(entry.path("requestId").asString(null)))
			.toList();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).at("/details/reason").asString()).containsIgnoringCase("expired");
		assertThat(mine.get(0).toString()).doesNotContain(TestTokens.expired(customer, "STAFF").substring(0, 30));
	}

	@Test
	void eventsOlderThanTheRetentionAreDeleted() {
		String actor = "old-" + UUID.randomUUID();
		this.jdbc.sql("INSERT INTO audit_event (occurred_at, principal, action) VALUES (?, ?, 'PRODUCT_UPDATED')")
			.params(LocalDateTime.ofInstant(Instant.now().minus(401, ChronoUnit.DAYS), ZoneOffset.UTC), actor)
			.update();
		this.jdbc.sql("INSERT INTO audit_event (occurred_at, principal, action) VALUES (?, ?, 'PRODUCT_UPDATED')")
			.params(LocalDateTime.ofInstant(Instant.now().minus(399, ChronoUnit.DAYS), ZoneOffset.UTC), actor)
			.update();

		this.retention.purge();

		assertThat(audit(actor, "").at("/page/totalElements").asLong()).isEqualTo(1);
	}

	private JsonNode send(String method, String uri, String staff, Object body) {
		RestTestClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff(staff))
			.header("X-Forwarded-For", "203.0.113.7, 10.0.0.2")
			.header("X-Request-Id", "req-audit")
			.contentType(MediaType.APPLICATION_JSON);
		if (body != null) {
			request.body(body);
		}
		byte[] answer = request.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return (answer != null && answer.length > 0) ? this.json.readTree(answer) : this.json.createObjectNode();
	}

	private JsonNode audit(String actor, String query) {
		byte[] body = this.http.get()
			.uri("/admin/audit?actor=" + actor + (query.isEmpty() ? "" : "&" + query))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("auditor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

}
