package io.cartwright.catalog.product;

import java.util.List;
import java.util.Map;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.catalog.product.ProductRequest.PriceRequest;
import io.cartwright.catalog.product.ProductRequest.VariantRequest;
import io.cartwright.events.ProductArchived;
import io.cartwright.events.ProductCreated;
import io.cartwright.events.ProductUpdated;
import io.cartwright.events.VariantSnapshot;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
@Import(TestCatalog.class)
@RecordApplicationEvents
class ProductEventsIT {

	@Autowired
	Products products;

	@Autowired
	TestCatalog catalog;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JsonMapper json;

	@Test
	void publishesProductCreatedWithTheVariantsAndTheVersion() {
		CategoryView category = this.catalog.category("Bags");
		ProductRequest request = TestCatalog.request(category.id(), "Tote", "Canvas", ProductStatus.ACTIVE, 1900, 2100);
		ProductDetails product = this.products.create(request);
		List<ProductCreated> created = this.events.stream(ProductCreated.class).toList();
		assertThat(created).hasSize(1);
		ProductCreated event = created.getFirst();
		assertThat(event.productId()).isEqualTo(product.id());
		assertThat(event.slug()).isEqualTo(request.slug());
		assertThat(event.status()).isEqualTo("ACTIVE");
		assertThat(event.imageUrl()).isEqualTo(request.images().getFirst());
		assertThat(event.version()).isEqualTo(product.version());
		assertThat(event.variants())
			.extracting(VariantSnapshot::sku, (v) -> v.price().amount(), VariantSnapshot::active)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(request.variants().get(0).sku(), 1900L, true),
					org.assertj.core.groups.Tuple.tuple(request.variants().get(1).sku(), 2100L, true));
		assertThat(this.json.readValue(this.json.writeValueAsString(event), ProductCreated.class)).isEqualTo(event);
	}

	@Test
	void publishesADraftsVariantsAsInactive() {
		CategoryView category = this.catalog.category("Bags");
		this.products.create(TestCatalog.request(category.id(), "Draft Bag", "Later", ProductStatus.DRAFT, 900));
		assertThat(this.events.stream(ProductCreated.class).findFirst().orElseThrow().variants())
			.allMatch((variant) -> !variant.active());
	}

	@Test
	void publishesPriceChangesAsProductUpdatedWithTheNewVersion() {
		CategoryView category = this.catalog.category("Bags");
		ProductRequest request = TestCatalog.request(category.id(), "Backpack", "Roomy", ProductStatus.ACTIVE, 4900);
		ProductDetails created = this.products.create(request);
		VariantRequest cheaper = new VariantRequest(request.variants().getFirst().sku(), Map.of(),
				new PriceRequest(3900L, "EUR"));
		ProductDetails updated = this.products.update(created.id(), null, new ProductRequest(request.slug(),
				request.name(), request.description(), category.id(), request.images(), null, List.of(cheaper)));
		ProductUpdated event = this.events.stream(ProductUpdated.class).findFirst().orElseThrow();
		assertThat(event.version()).isEqualTo(updated.version()).isGreaterThan(created.version());
		assertThat(event.variants().getFirst().price().amount()).isEqualTo(3900);
	}

	@Test
	void publishesProductArchivedWithEverySku() {
		CategoryView category = this.catalog.category("Bags");
		ProductDetails product = this.catalog.product(category.id(), "Satchel", "Leather", 9900, 10900);
		ProductDetails archived = this.products.archive(product.id(), null);
		ProductArchived event = this.events.stream(ProductArchived.class).findFirst().orElseThrow();
		assertThat(event.productId()).isEqualTo(product.id());
		assertThat(event.skus()).containsExactlyElementsOf(product.skus());
		assertThat(event.version()).isEqualTo(archived.version());
		this.products.activate(product.id(), null);
		assertThat(this.events.stream(ProductUpdated.class).findFirst().orElseThrow().status()).isEqualTo("ACTIVE");
	}

	@Test
	void publishesNothingWhenAWriteIsRefused() {
		CategoryView category = this.catalog.category("Bags");
		ProductDetails product = this.catalog.product(category.id(), "Clutch", "Small", 2900);
		this.events.clear();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.products.archive(product.id(), "\"" + (product.version() + 1) + "\""))
			.isInstanceOf(io.cartwright.catalog.web.PreconditionFailedException.class);
		assertThat(this.events.stream(ProductArchived.class)).isEmpty();
	}

}
