package io.cartwright.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.pricing.Money;
import io.cartwright.catalog.web.ConflictException;
import io.cartwright.catalog.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {

	private static final ProductDetailsSpec DETAILS = new ProductDetailsSpec("tee", "Tee", "Cotton", UUID.randomUUID(),
			List.of("https://img.example.com/tee.jpg"));

	@Test
	void keepsTheLowestActivePriceAsListingPrice() {
		Product product = Product.create(DETAILS, List.of(variant("A", "S", 1500), variant("B", "M", 1200)),
				ProductStatus.ACTIVE);
		assertThat(product.getMinPrice()).isEqualTo(Money.of(1200, "EUR"));
		product.archiveVariant("B");
		assertThat(product.getMinPrice()).isEqualTo(Money.of(1500, "EUR"));
	}

	@Test
	void archivesVariantsLeftOutOfAnUpdateInsteadOfDeletingThem() {
		Product product = Product.create(DETAILS, List.of(variant("A", "S", 1500), variant("B", "M", 1200)),
				ProductStatus.ACTIVE);
		product.update(DETAILS, List.of(variant("B", "M", 1300), variant("C", "L", 1400)));
		assertThat(product.getVariants()).extracting(Variant::getSku, Variant::getStatus)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("A", VariantStatus.ARCHIVED),
					org.assertj.core.groups.Tuple.tuple("B", VariantStatus.ACTIVE),
					org.assertj.core.groups.Tuple.tuple("C", VariantStatus.ACTIVE));
		assertThat(product.getMinPrice().amount()).isEqualTo(1300);
	}

	@Test
	void refusesIllegalStatusChanges() {
		Product product = Product.create(DETAILS, List.of(variant("A", "S", 1500)), ProductStatus.DRAFT);
		product.activate();
		assertThatThrownBy(product::activate).isInstanceOf(ConflictException.class);
		product.archive();
		assertThatThrownBy(product::archive).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> product.update(DETAILS, List.of(variant("A", "S", 1))))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> Product.create(DETAILS, List.of(variant("X", "S", 1)), ProductStatus.ARCHIVED))
			.isInstanceOf(UnprocessableException.class);
	}

	@Test
	void neverArchivesTheLastActiveVariant() {
		Product product = Product.create(DETAILS, List.of(variant("A", "S", 1500), variant("B", "M", 1200)),
				ProductStatus.ACTIVE);
		product.archiveVariant("A");
		assertThatThrownBy(() -> product.archiveVariant("B")).isInstanceOf(ConflictException.class)
			.hasMessageContaining("last active");
	}

	@Test
	void refusesTwoCurrenciesDuplicateSkusAndRepeatedOptions() {
		assertThatThrownBy(() -> Product.create(DETAILS,
				List.of(variant("A", "S", 1), new VariantSpec("B", Map.of("size", "M"), Money.of(1, "USD"))),
				ProductStatus.DRAFT))
			.isInstanceOf(UnprocessableException.class)
			.hasMessageContaining("currency");
		assertThatThrownBy(
				() -> Product.create(DETAILS, List.of(variant("A", "S", 1), variant("A", "M", 1)), ProductStatus.DRAFT))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> Product.create(DETAILS,
				List.of(new VariantSpec("A", Map.of(), Money.of(1, "EUR")),
						new VariantSpec("B", Map.of(), Money.of(1, "EUR"))),
				ProductStatus.DRAFT))
			.isInstanceOf(UnprocessableException.class)
			.hasMessageContaining("without options has one variant");
		assertThatThrownBy(() -> Product.create(DETAILS, List.of(), ProductStatus.DRAFT))
			.isInstanceOf(UnprocessableException.class);
	}

	private static VariantSpec variant(String sku, String size, long price) {
		return new VariantSpec(sku, Map.of("size", size), Money.of(price, "EUR"));
	}

}
