package io.cartwright.catalog.product;

import java.util.List;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
class ProductSearchIT {

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	@Autowired
	Products products;

	CategoryView root;

	CategoryView child;

	ProductDetails cotton;

	ProductDetails merino;

	ProductDetails jacket;

	@BeforeEach
	void catalog() {
		this.root = this.catalog.category("Knitwear");
		this.child = this.catalog.category("Wool", this.root.id());
		this.cotton = this.catalog.product(this.root.id(), "Cotton Sweater", "Light knit for spring", 3900);
		this.merino = this.catalog.product(this.child.id(), "Merino Sweater", "Fine wool, very warm", 7900, 8200);
		this.jacket = this.catalog.product(this.child.id(), "Rain Jacket", "Keeps the weather out", 12900);
		this.catalog.stock(this.merino.variants().get(0).sku(), 4, 1);
		this.catalog.stock(this.merino.variants().get(1).sku(), 2, 2);
		this.catalog.stock(this.jacket.variants().get(0).sku(), 1, 0);
		this.catalog.stock(this.cotton.variants().get(0).sku(), 3, 3);
		ProductDetails archived = this.catalog.product(this.root.id(), "Archived Sweater", "Gone", 100);
		this.products.archive(archived.id(), null);
		this.products.create(TestCatalog.request(this.child.id(), "Draft Sweater", "Soon", ProductStatus.DRAFT, 100));
	}

	@Test
	void listsTheActiveProductsOfACategoryAndItsSubcategoriesNewestFirst() {
		assertThat(names("/products?category={c}", this.root.id())).containsExactly("Rain Jacket", "Merino Sweater",
				"Cotton Sweater");
		assertThat(names("/products?category={c}", this.root.slug())).hasSize(3);
		assertThat(names("/products?category={c}", this.child.id())).containsExactly("Rain Jacket", "Merino Sweater");
	}

	@Test
	void findsProductsByWordPrefixesInNameAndDescription() {
		assertThat(names("/products?category={c}&q=sweat", this.root.id())).containsExactlyInAnyOrder("Merino Sweater",
				"Cotton Sweater");
		assertThat(names("/products?category={c}&q=WEATHER", this.root.id())).containsExactly("Rain Jacket");
		assertThat(names("/products?category={c}&q=warm wool", this.root.id())).containsExactly("Merino Sweater");
		assertThat(names("/products?category={c}&q=+(nothing*)", this.root.id())).isEmpty();
	}

	@Test
	void findsAProductByItsExactSku() {
		assertThat(names("/products?q={sku}", this.merino.variants().get(1).sku())).containsExactly("Merino Sweater");
	}

	@Test
	void filtersByPriceRangeStockAndOptions() {
		assertThat(names("/products?category={c}&minPrice=4000&maxPrice=12900", this.root.id()))
			.containsExactly("Rain Jacket", "Merino Sweater");
		assertThat(names("/products?category={c}&inStock=true", this.root.id())).containsExactly("Rain Jacket",
				"Merino Sweater");
		assertThat(names("/products?category={c}&option=size:M", this.root.id())).containsExactly("Merino Sweater");
		assertThat(names("/products?category={c}&option=size:M&inStock=true", this.root.id())).isEmpty();
		assertThat(names("/products?category={c}&option=size:S&inStock=true", this.root.id()))
			.containsExactly("Merino Sweater");
		assertThat(names("/products?category={c}&option=size:S&option=color:red", this.root.id())).isEmpty();
	}

	@Test
	void sortsByPriceAndName() {
		assertThat(names("/products?category={c}&sort=price,asc", this.root.id())).containsExactly("Cotton Sweater",
				"Merino Sweater", "Rain Jacket");
		assertThat(names("/products?category={c}&sort=price,desc", this.root.id())).containsExactly("Rain Jacket",
				"Merino Sweater", "Cotton Sweater");
		assertThat(names("/products?category={c}&sort=name", this.root.id())).containsExactly("Cotton Sweater",
				"Merino Sweater", "Rain Jacket");
	}

	@Test
	void pagesWithAStableShape() {
		this.http.get()
			.uri("/products?category={c}&sort=name&size=2&page=1", this.root.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].name")
			.isEqualTo(List.of("Rain Jacket"))
			.jsonPath("$.content[0].priceFrom.amount")
			.isEqualTo(12900)
			.jsonPath("$.content[0].inStock")
			.isEqualTo(true)
			.jsonPath("$.content[0].image")
			.isEqualTo(this.jacket.images().getFirst())
			.jsonPath("$.page.number")
			.isEqualTo(1)
			.jsonPath("$.page.size")
			.isEqualTo(2)
			.jsonPath("$.page.totalElements")
			.isEqualTo(3)
			.jsonPath("$.page.totalPages")
			.isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=0", "size=101", "page=-1", "sort=cheapest", "option=size", "minPrice=-1",
			"maxPrice=abc", "inStock=maybe" })
	void answersBadListingParametersWith400(String parameter) {
		this.http.get()
			.uri("/products?" + parameter)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private List<String> names(String uri, Object... variables) {
		return this.http.get()
			.uri(uri, variables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(
					new org.springframework.core.ParameterizedTypeReference<io.cartwright.catalog.web.PageView<ProductSummary>>() {
					})
			.returnResult()
			.getResponseBody()
			.content()
			.stream()
			.map(ProductSummary::name)
			.toList();
	}

}
