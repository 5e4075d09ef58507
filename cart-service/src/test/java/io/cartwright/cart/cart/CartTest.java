package io.cartwright.cart.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cartwright.cart.pricing.Money;
import io.cartwright.cart.web.ConflictException;
import io.cartwright.cart.web.ResourceNotFoundException;
import io.cartwright.cart.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private static final Money EUR_1 = Money.of(100, "EUR");

	@Test
	void addingToAnExistingLineAddsTheQuantities() {
		Cart cart = cart(CartStatus.ACTIVE, null);
		cart.add("A", 2, EUR_1, NOW);
		assertThat(cart.add("A", 3, EUR_1, NOW).quantity()).isEqualTo(5);
		assertThat(cart.lines()).hasSize(1);
	}

	@Test
	void refusesALineAbove99() {
		Cart cart = cart(CartStatus.ACTIVE, null);
		cart.add("A", 98, EUR_1, NOW);
		assertThatThrownBy(() -> cart.add("A", 2, EUR_1, NOW)).isInstanceOf(UnprocessableException.class)
			.hasMessageContaining("99");
		assertThat(cart.line("A")).get().extracting(CartLine::quantity).isEqualTo(98);
	}

	@Test
	void refusesThe101stLineButNotMoreOfALineThatIsThere() {
		Cart cart = cart(CartStatus.ACTIVE, null);
		for (int i = 0; i < Cart.MAX_LINES; i++) {
			cart.add("S" + i, 1, EUR_1, NOW);
		}
		assertThatThrownBy(() -> cart.add("NEW", 1, EUR_1, NOW)).isInstanceOf(UnprocessableException.class)
			.hasMessageContaining("100");
		assertThat(cart.add("S0", 1, EUR_1, NOW).quantity()).isEqualTo(2);
	}

	@Test
	void refusesAnotherCurrency() {
		Cart cart = cart(CartStatus.ACTIVE, null);
		cart.add("A", 1, EUR_1, NOW);
		assertThatThrownBy(() -> cart.add("B", 1, Money.of(100, "USD"), NOW)).isInstanceOf(UnprocessableException.class)
			.hasMessageContaining("USD");
	}

	@Test
	void zeroRemovesALineAndAnUnknownLineIsNotFound() {
		Cart cart = cart(CartStatus.ACTIVE, null);
		cart.add("A", 2, EUR_1, NOW);
		assertThat(cart.changeQuantity("A", 0)).isEmpty();
		assertThat(cart.lines()).isEmpty();
		assertThatThrownBy(() -> cart.changeQuantity("A", 1)).isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void onlyAnActiveCartChanges() {
		for (CartStatus status : List.of(CartStatus.CHECKED_OUT, CartStatus.MERGED, CartStatus.EXPIRED)) {
			Cart cart = cart(status, null);
			assertThatThrownBy(() -> cart.add("A", 1, EUR_1, NOW)).isInstanceOf(ConflictException.class);
			assertThatThrownBy(cart::clear).isInstanceOf(ConflictException.class);
		}
	}

	@Test
	void aCustomersCartIsVisibleOnlyToThatCustomer() {
		assertThat(cart(CartStatus.ACTIVE, null).isVisibleTo(null)).isTrue();
		assertThat(cart(CartStatus.ACTIVE, null).isVisibleTo("c1")).isTrue();
		assertThat(cart(CartStatus.ACTIVE, "c1").isVisibleTo("c1")).isTrue();
		assertThat(cart(CartStatus.ACTIVE, "c1").isVisibleTo("c2")).isFalse();
		assertThat(cart(CartStatus.ACTIVE, "c1").isVisibleTo(null)).isFalse();
	}

	@Test
	void absorbingAGuestCartAddsQuantitiesUpTo99AndKeepsTheLineLimit() {
		List<CartLine> mine = new ArrayList<>();
		for (int i = 0; i < 99; i++) {
			mine.add(new CartLine("M" + i, 1, EUR_1, NOW));
		}
		mine.add(new CartLine("BOTH", 80, EUR_1, NOW));
		Cart customer = new Cart(UUID.randomUUID(), "c1", CartStatus.ACTIVE, 3, mine);
		Cart guest = new Cart(UUID.randomUUID(), null, CartStatus.ACTIVE, 1,
				List.of(new CartLine("BOTH", 30, EUR_1, NOW), new CartLine("G1", 1, EUR_1, NOW),
						new CartLine("G2", 1, EUR_1, NOW)));
		List<CartLine> changed = customer.absorb(guest);
		assertThat(customer.line("BOTH")).get().extracting(CartLine::quantity).isEqualTo(99);
		assertThat(customer.lines()).hasSize(100);
		assertThat(changed).extracting(CartLine::sku).containsExactly("BOTH");
	}

	private static Cart cart(CartStatus status, String customerId) {
		return new Cart(UUID.randomUUID(), customerId, status, 0, List.of());
	}

}
