package io.cartwright.catalog.stock;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StockTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	@Test
	void setReturnsTheDeltaFromTheFormerQuantity() {
		Stock stock = Stock.emptyFor("SKU-1", NOW);
		assertThat(stock.setOnHand(7, NOW)).isEqualTo(7);
		assertThat(stock.setOnHand(4, NOW)).isEqualTo(-3);
		assertThat(stock.onHand()).isEqualTo(4);
		assertThat(stock.available()).isEqualTo(4);
	}

	@Test
	void refusesToGoBelowZero() {
		Stock stock = Stock.emptyFor("SKU-1", NOW);
		stock.adjust(2, NOW);
		assertThatExceptionOfType(StockChangeRefusedException.class).isThrownBy(() -> stock.adjust(-3, NOW))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("negative-stock"));
		assertThat(stock.onHand()).isEqualTo(2);
	}

	@Test
	void refusesAnOverflow() {
		Stock stock = Stock.emptyFor("SKU-1", NOW);
		stock.adjust(Integer.MAX_VALUE, NOW);
		assertThatExceptionOfType(StockChangeRefusedException.class).isThrownBy(() -> stock.adjust(1, NOW));
	}

}
