package io.cartwright.catalog.stock;

import java.util.Map;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
class StockApiIT {

	private static final String STAFF = "Bearer " + TestTokens.staff("s1");

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	StockFixtures fixtures() {
		return new StockFixtures(this.jdbc);
	}

	@Test
	void staffSetsStockOfAVariantWithoutStockAndReadsItWithAnEtag() {
		String sku = fixtures().sellableVariant();
		String etag = this.http.put()
			.uri("/stock/{sku}", sku)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("onHand", 12, "reason", "initial count"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.onHand")
			.isEqualTo(12)
			.jsonPath("$.reserved")
			.isEqualTo(0)
			.jsonPath("$.available")
			.isEqualTo(12)
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(etag).isNotBlank();
		this.http.get()
			.uri("/stock/{sku}", sku)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.jsonPath("$.sku")
			.isEqualTo(sku)
			.jsonPath("$.available")
			.isEqualTo(12)
			.jsonPath("$.version")
			.doesNotExist();
		assertThat(this.jdbc.queryForList("SELECT reason FROM stock_movement WHERE sku = ?", String.class, sku))
			.containsExactly("STOCK_COUNT");
	}

	@Test
	void staffAdjustsStockAndListsMovementsNewestFirstWithActorAndReason() {
		String sku = fixtures().sellableVariantWithStock(5);
		adjust(sku, 7, "delivery").expectStatus().isOk().expectBody().jsonPath("$.onHand").isEqualTo(12);
		adjust(sku, -2, "breakage").expectStatus().isOk().expectBody().jsonPath("$.onHand").isEqualTo(10);
		this.http.get()
			.uri("/stock/{sku}/movements?page=0&size=1", sku)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(2)
			.jsonPath("$.content.length()")
			.isEqualTo(1)
			.jsonPath("$.content[0].delta")
			.isEqualTo(-2)
			.jsonPath("$.content[0].onHandAfter")
			.isEqualTo(10)
			.jsonPath("$.content[0].reason")
			.isEqualTo("ADJUSTMENT")
			.jsonPath("$.content[0].note")
			.isEqualTo("breakage")
			.jsonPath("$.content[0].actor")
			.isEqualTo("s1");
	}

	@Test
	void refusesAnAdjustmentThatWouldLeaveLessOnHandThanReserved() {
		String sku = fixtures().sellableVariant();
		fixtures().stock(sku, 5, 4);
		adjust(sku, -2, "count").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:below-reserved");
		adjust(sku, -6, "count").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:negative-stock");
		assertThat(fixtures().onHand(sku)).isEqualTo(5);
	}

	@Test
	void aStaleIfMatchGets412AndChangesNothing() {
		String sku = fixtures().sellableVariantWithStock(5);
		adjust(sku, 1, "delivery").expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
		this.http.put()
			.uri("/stock/{sku}", sku)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("onHand", 100, "reason", "count"))
			.exchange()
			.expectStatus()
			.isEqualTo(412);
		assertThat(fixtures().onHand(sku)).isEqualTo(6);
		this.http.put()
			.uri("/stock/{sku}", sku)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("onHand", 100, "reason", "count"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"2\"");
	}

	@Test
	void anUnknownSkuIsNotFound() {
		this.http.put()
			.uri("/stock/{sku}", "NO-SUCH-SKU")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("onHand", 1, "reason", "count"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/stock/{sku}", "NO-SUCH-SKU")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void rejectsAnInvalidBodyWithFieldErrors() {
		String sku = fixtures().sellableVariantWithStock(5);
		this.http.put()
			.uri("/stock/{sku}", sku)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("onHand", -1, "reason", ""))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2);
	}

	@Test
	void customersAreForbiddenAndAnonymousCallersUnauthorized() {
		String sku = fixtures().sellableVariantWithStock(5);
		this.http.get()
			.uri("/stock/{sku}", sku)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("c1"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.post()
			.uri("/stock/{sku}/adjustments", sku)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("c1"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("delta", 1, "reason", "x"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.post()
			.uri("/stock/{sku}/adjustments", sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("delta", 1, "reason", "x"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(fixtures().onHand(sku)).isEqualTo(5);
	}

	private RestTestClient.ResponseSpec adjust(String sku, int delta, String reason) {
		return this.http.post()
			.uri("/stock/{sku}/adjustments", sku)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("delta", delta, "reason", reason))
			.exchange();
	}

}
