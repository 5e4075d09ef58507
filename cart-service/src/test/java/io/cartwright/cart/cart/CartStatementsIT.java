package io.cartwright.cart.cart;

import java.util.List;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.cart.support.StatementRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each cart request costs in round trips to MySQL, counted by the driver (every
 * statement, including a transaction's {@code SET autocommit} and {@code COMMIT}). A
 * budget: a change that makes a request dearer has to say so here.
 */
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:mysql://localhost:3306/cart?queryInterceptors=io.cartwright.cart.support.StatementRecorder",
		"spring.kafka.listener.auto-startup=false" })
class CartStatementsIT extends CartIntegrationTest {

	private String sku;

	private UUID cart;

	/** A cart holding one line of an SKU the read model knows. */
	@BeforeEach
	void cartWithALine() {
		this.sku = sku("COUNT");
		catalog.variant(this.sku, 100, 50);
		this.cart = createGuestCart();
		add(this.cart.toString(), this.sku, 1, null).expectStatus().isOk();
	}

	@Test
	void anAddOfAnSkuTheReadModelKnowsTakesNineStatementsAndNoCatalogCall() {
		int calls = catalog.calls(this.sku);
		List<String> statements = StatementRecorder
			.during(() -> add(this.cart.toString(), this.sku, 1, null).expectStatus().isOk());

		// the SKU and its stock; SET autocommit=0, lock, lines, line, version, COMMIT,
		// SET autocommit=1; the cart read back
		assertThat(statements).hasSize(9);
		assertThat(statements.get(0)).contains("FROM sku_snapshot").contains("sku_stock");
		assertThat(catalog.calls(this.sku)).isEqualTo(calls);
	}

	@Test
	void aQuantityChangeTakesEightStatements() {
		assertThat(StatementRecorder
			.during(() -> put("/carts/" + this.cart + "/lines/" + this.sku, 5, null).expectStatus().isOk())).hasSize(8);
	}

	@Test
	void aRemovalTakesEightStatements() {
		assertThat(StatementRecorder.during(() -> this.http.delete()
			.uri("/carts/" + this.cart + "/lines/" + this.sku)
			.exchange()
			.expectStatus()
			.isOk())).hasSize(8);
	}

	@Test
	void aReadAfterAWriteIsACacheHitOfOneStatement() {
		assertThat(StatementRecorder.during(() -> get("/carts/" + this.cart, null).expectStatus().isOk()))
			.containsExactly("SELECT id, customer_id, status, version, created_at, updated_at FROM cart WHERE id = '"
					+ this.cart + "'");
	}

	@Test
	void aReadOfAVersionNotCachedTakesTwoStatements() {
		// what a catalog event does to the carts holding a changed SKU
		jdbc.update("UPDATE cart SET version = version + 1 WHERE id = ?", this.cart.toString());

		List<String> statements = StatementRecorder
			.during(() -> get("/carts/" + this.cart, null).expectStatus().isOk());

		assertThat(statements).hasSize(2);
		assertThat(statements.get(1)).contains("JOIN cart_line").contains("JOIN sku_snapshot");
	}

	@Test
	void creatingAGuestCartTakesTwoStatements() {
		assertThat(StatementRecorder.during(this::createGuestCart)).hasSize(2);
	}

}
