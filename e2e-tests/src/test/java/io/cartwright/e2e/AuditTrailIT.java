package io.cartwright.e2e;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff read each service's audit trail through the gateway
 * ({@code /api/admin/audit/{catalog,cart,orders,auth}}); customers cannot.
 */
class AuditTrailIT {

	@Test
	void aStaffChangeAndASignInAreInTheAuditTrailsThatStaffReadThroughTheGateway() {
		String categoryId = StaffCatalog.category("Audited through the gateway");
		StaffCatalog.Product product = StaffCatalog.publish(categoryId, "Audited Lamp", 2500, 3);

		Storefront.Response catalog = Accounts.staff()
			.get("/api/admin/audit/catalog?entityType=product&entityId=" + product.id());
		assertThat(catalog.status()).as(catalog.toString()).isEqualTo(200);
		JsonNode created = catalog.json().at("/content/0");
		assertThat(created.get("action").asString()).isEqualTo("PRODUCT_CREATED");
		assertThat(created.get("roles").toString()).isEqualTo("[\"STAFF\"]");
		assertThat(created.get("clientAddress").asString()).as("the caller's address as the gateway saw it")
			.isEqualTo("127.0.0.1");
		assertThat(created.get("requestId").asString()).isNotBlank();
		assertThat(created.at("/after/name").asString()).isEqualTo("Audited Lamp");
		Storefront.Response stock = Accounts.staff()
			.get("/api/admin/audit/catalog?entityType=stock&entityId=" + product.sku());
		assertThat(stock.json().at("/content/0/action").asString()).isEqualTo("STOCK_COUNTED");

		Accounts.Account account = Accounts.signUp();
		Accounts.signIn(account.email(), account.password());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Storefront.Response auth = Accounts.staff()
				.get("/api/admin/audit/auth?action=SIGN_IN_SUCCEEDED&actor=" + account.id());
			assertThat(auth.status()).as(auth.toString()).isEqualTo(200);
			assertThat(auth.json().at("/page/totalElements").asLong()).isEqualTo(1);
		});
		for (String service : new String[] { "cart", "orders" }) {
			Storefront.Response trail = Accounts.staff().get("/api/admin/audit/" + service + "?size=1");
			assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
		}
	}

	@Test
	void customersAreRefusedEveryAuditTrail() {
		Storefront customer = Accounts.newCustomer();
		for (String service : new String[] { "catalog", "cart", "orders", "auth" }) {
			assertThat(customer.get("/api/admin/audit/" + service).status()).as(service).isEqualTo(403);
		}
	}

}
