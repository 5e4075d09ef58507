package io.cartwright.catalog.product;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class VariantLookupIT {

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	CategoryView category;

	@BeforeEach
	void category() {
		this.category = this.catalog.category("Mugs");
	}

	@Test
	void answersWhatACartNeedsAboutOneSku() {
		ProductDetails product = this.catalog.product(this.category.id(), "Enamel Mug", "Camping mug", 1200, 1500);
		String sku = product.variants().get(1).sku();
		this.catalog.stock(sku, 9, 4);

		VariantLookup found = lookUp(sku);
		assertThat(found.sku()).isEqualTo(sku);
		assertThat(found.productId()).isEqualTo(product.id());
		assertThat(found.productName()).isEqualTo("Enamel Mug");
		assertThat(found.slug()).isEqualTo(product.slug());
		assertThat(found.imageUrl()).isEqualTo(product.images().getFirst());
		assertThat(found.options()).containsEntry("size", "M");
		assertThat(found.price().amount()).isEqualTo(1500);
		assertThat(found.price().currency()).isEqualTo("EUR");
		assertThat(found.active()).isTrue();
		assertThat(found.available()).isEqualTo(5);
		assertThat(found.productVersion()).isEqualTo(product.version());
	}

	@Test
	void saysAnArchivedProductsSkuIsNotForSale() {
		ProductDetails product = this.catalog.product(this.category.id(), "Old Mug", "Retired", 900);
		this.http.post()
			.uri("/products/{id}/archive", product.id())
			.headers((headers) -> headers.setBearerAuth(TestTokens.staff("s1")))
			.exchange()
			.expectStatus()
			.isOk();

		VariantLookup found = lookUp(product.variants().getFirst().sku());
		assertThat(found.active()).isFalse();
		assertThat(found.available()).isZero();
	}

	@Test
	void doesNotFindAnUnknownSkuOrOneOfADraft() {
		this.http.get()
			.uri("/variants/{sku}", "NO-SUCH-" + TestCatalog.unique())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		ProductDetails draft = this.catalog.draft(this.category.id(), "Draft Mug", 1000);
		this.http.get()
			.uri("/variants/{sku}", draft.variants().getFirst().sku())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private VariantLookup lookUp(String sku) {
		return this.http.get()
			.uri("/variants/{sku}", sku)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(VariantLookup.class)
			.returnResult()
			.getResponseBody();
	}

}
