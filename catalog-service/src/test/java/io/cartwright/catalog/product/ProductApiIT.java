package io.cartwright.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.catalog.product.ProductRequest.PriceRequest;
import io.cartwright.catalog.product.ProductRequest.VariantRequest;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class ProductApiIT {

	private static final String STAFF = "Bearer " + TestTokens.staff("s1");

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	CategoryView category;

	@BeforeEach
	void category() {
		this.category = this.catalog.category("Shirts");
	}

	@Test
	void createsAProductWithVariantsAndKeepsTheLowestActivePrice() {
		ProductRequest request = TestCatalog.request(this.category.id(), "Linen Shirt", "A shirt of linen",
				ProductStatus.ACTIVE, 3900, 3500, 4200);
		ProductView created = create(request);
		assertThat(created.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(created.priceFrom().amount()).isEqualTo(3500);
		assertThat(created.variants()).extracting(ProductView.VariantView::sku)
			.containsExactlyElementsOf(request.variants().stream().map(VariantRequest::sku).toList());
		assertThat(created.variants().get(1).options()).containsEntry("size", "M");
		assertThat(created.images()).containsExactlyElementsOf(request.images());
		assertThat(this.jdbc.sql("SELECT min_price FROM product WHERE id = ?")
			.param(created.id().toString())
			.query(Long.class)
			.single()).isEqualTo(3500);
	}

	@Test
	void readsAProductByIdAndSlugWithFreshAvailability() {
		ProductDetails product = this.catalog.product(this.category.id(), "Oxford Shirt", "Cotton", 4900, 5100);
		this.catalog.stock(product.variants().get(0).sku(), 7, 2);
		ProductView byId = this.http.get()
			.uri("/products/{id}", product.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, public")
			.expectBody(ProductView.class)
			.returnResult()
			.getResponseBody();
		assertThat(byId.variants()).extracting(ProductView.VariantView::available).containsExactly(5, 0);
		assertThat(byId.variants()).extracting(ProductView.VariantView::inStock).containsExactly(true, false);
		this.jdbc.sql("UPDATE stock SET reserved = 7 WHERE sku = ?").param(product.variants().get(0).sku()).update();
		ProductView bySlug = this.http.get()
			.uri("/products/slug/{slug}", product.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ProductView.class)
			.returnResult()
			.getResponseBody();
		assertThat(bySlug.id()).isEqualTo(product.id());
		assertThat(bySlug.variants()).extracting(ProductView.VariantView::available).containsExactly(0, 0);
	}

	@Test
	void answersNotModifiedToTheCurrentEtagAndANewEtagOnceStockChanges() {
		ProductDetails product = this.catalog.product(this.category.id(), "Flannel Shirt", "Warm", 5900);
		String etag = this.http.get()
			.uri("/products/{id}", product.id())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(etag).startsWith("\"" + product.version() + ".");
		this.http.get().uri("/products/{id}", product.id()).ifNoneMatch(etag).exchange().expectStatus().isNotModified();
		this.catalog.stock(product.variants().get(0).sku(), 3, 0);
		this.http.get()
			.uri("/products/{id}", product.id())
			.ifNoneMatch(etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ETAG, (tag) -> assertThat(tag).isNotEqualTo(etag));
	}

	@Test
	void hidesDraftsFromThePublicButShowsThemToStaff() {
		ProductView draft = create(
				TestCatalog.request(this.category.id(), "Draft Shirt", "Not yet", ProductStatus.DRAFT, 1000));
		this.http.get().uri("/products/{id}", draft.id()).exchange().expectStatus().isNotFound();
		this.http.get().uri("/products/slug/{slug}", draft.slug()).exchange().expectStatus().isNotFound();
		this.http.get()
			.uri("/products/{id}", draft.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("c1"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/products/{id}", draft.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT");
	}

	@Test
	void keepsArchivedProductsReadableButOutOfListings() {
		ProductDetails product = this.catalog.product(this.category.id(), "Old Shirt", "Gone", 1500);
		this.http.post()
			.uri("/products/{id}/archive", product.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ARCHIVED")
			.jsonPath("$.variants[0].inStock")
			.isEqualTo(false);
		this.http.get()
			.uri("/products/{id}", product.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ARCHIVED");
		this.http.get()
			.uri("/products?category={c}", this.category.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(0);
		this.http.post()
			.uri("/products/{id}/archive", product.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:illegal-transition");
		this.http.post()
			.uri("/products/{id}/activate", product.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACTIVE");
	}

	@Test
	void updatesFieldsAndPricesAddsVariantsAndArchivesTheOnesLeftOut() {
		ProductRequest original = TestCatalog.request(this.category.id(), "Polo", "Pique", ProductStatus.ACTIVE, 2500,
				2700);
		ProductView created = create(original);
		VariantRequest kept = new VariantRequest(original.variants().get(1).sku(), Map.of("size", "M"),
				new PriceRequest(2200L, "EUR"));
		VariantRequest added = new VariantRequest("SKU-NEW-" + TestCatalog.unique(), Map.of("size", "L"),
				new PriceRequest(2900L, "EUR"));
		ProductRequest changed = new ProductRequest(original.slug() + "-v2", "Polo Shirt", "Pique cotton",
				this.category.id(), List.of(), null, List.of(kept, added));
		ProductView updated = this.http.put()
			.uri("/products/{id}", created.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.header(HttpHeaders.IF_MATCH, "\"" + created.version() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(changed)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ProductView.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.version()).isGreaterThan(created.version());
		assertThat(updated.slug()).isEqualTo(original.slug() + "-v2");
		assertThat(updated.priceFrom().amount()).isEqualTo(2200);
		assertThat(updated.variants()).extracting(ProductView.VariantView::sku, ProductView.VariantView::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(original.variants().get(0).sku(), VariantStatus.ARCHIVED),
					org.assertj.core.groups.Tuple.tuple(kept.sku(), VariantStatus.ACTIVE),
					org.assertj.core.groups.Tuple.tuple(added.sku(), VariantStatus.ACTIVE));
		this.http.get().uri("/products/slug/{slug}", original.slug()).exchange().expectStatus().isNotFound();
	}

	@Test
	void refusesAStaleIfMatchWith412AndChangesNothing() {
		ProductRequest original = TestCatalog.request(this.category.id(), "Tee", "Basic", ProductStatus.ACTIVE, 900);
		ProductView created = create(original);
		ProductRequest changed = new ProductRequest(original.slug(), "Renamed Tee", original.description(),
				this.category.id(), original.images(), null, original.variants());
		this.http.put()
			.uri("/products/{id}", created.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.header(HttpHeaders.IF_MATCH, "\"" + (created.version() + 5) + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(changed)
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:stale-version");
		this.http.get()
			.uri("/products/{id}", created.id())
			.exchange()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Tee")
			.jsonPath("$.version")
			.isEqualTo((int) created.version());
	}

	@Test
	void acceptsTheEtagOfARead() {
		ProductRequest original = TestCatalog.request(this.category.id(), "Henley", "Buttons", ProductStatus.ACTIVE,
				1900);
		ProductView created = create(original);
		String etag = this.http.get()
			.uri("/products/{id}", created.id())
			.exchange()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		this.http.post()
			.uri("/products/{id}/archive", created.id())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.header(HttpHeaders.IF_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void refusesADuplicateSlugOrSkuWith409() {
		ProductRequest first = TestCatalog.request(this.category.id(), "Cardigan", "Wool", ProductStatus.ACTIVE, 6900);
		create(first);
		ProductRequest sameSlug = TestCatalog.request(this.category.id(), "Cardigan", "Wool", ProductStatus.ACTIVE,
				6900);
		sameSlug = new ProductRequest(first.slug(), sameSlug.name(), sameSlug.description(), sameSlug.categoryId(),
				sameSlug.images(), null, sameSlug.variants());
		post(sameSlug).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:duplicate-slug");
		ProductRequest sameSku = TestCatalog.request(this.category.id(), "Cardigan", "Wool", ProductStatus.ACTIVE,
				6900);
		sameSku = new ProductRequest(sameSku.slug(), sameSku.name(), sameSku.description(), sameSku.categoryId(),
				sameSku.images(), null, first.variants());
		post(sameSku).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:duplicate-sku");
	}

	@Test
	void refusesAnUnknownCategoryWith422() {
		post(TestCatalog.request(UUID.randomUUID(), "Lost", "Nowhere", ProductStatus.ACTIVE, 100)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:unknown-category");
	}

	@Test
	void refusesVariantsInTwoCurrencies() {
		ProductRequest request = TestCatalog.request(this.category.id(), "Mixed", "Money", ProductStatus.ACTIVE, 100,
				200);
		VariantRequest dollars = new VariantRequest(request.variants().get(1).sku(), Map.of("size", "M"),
				new PriceRequest(200L, "USD"));
		post(new ProductRequest(request.slug(), request.name(), request.description(), request.categoryId(),
				request.images(), null, List.of(request.variants().get(0), dollars)))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:mixed-currencies");
	}

	@Test
	void answersInvalidFieldsWith400ListingEachField() {
		Map<String, Object> invalid = Map.of("slug", "Not A Slug", "name", "", "description", "x", "categoryId",
				this.category.id(), "images", List.of("ftp://example.com/a.jpg"), "variants",
				List.of(Map.of("sku", "OK-1", "price", Map.of("amount", -1, "currency", "EURO")),
						Map.of("sku", "OK-2", "price", Map.of("amount", 5, "currency", "XYZ"))));
		post(invalid).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:validation")
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).contains("slug", "name", "images[0]",
					"variants[0].price.amount", "variants[0].price.currency", "variants[1].price.currency"));
	}

	@Test
	void answersMalformedJsonAndTooManyImagesWith400() {
		this.http.post()
			.uri("/products")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"slug\": ")
			.exchange()
			.expectStatus()
			.isBadRequest();
		ProductRequest request = TestCatalog.request(this.category.id(), "Many", "Pictures", ProductStatus.ACTIVE, 1);
		List<String> images = java.util.stream.IntStream.range(0, 11)
			.mapToObj((i) -> "https://img.example.com/" + i + ".jpg")
			.toList();
		post(new ProductRequest(request.slug(), request.name(), request.description(), request.categoryId(), images,
				null, request.variants()))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("images");
	}

	@Test
	void answersAnUnknownProductWith404Problem() {
		this.http.get()
			.uri("/products/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:not-found");
		this.http.get().uri("/products/not-a-uuid").exchange().expectStatus().isBadRequest();
	}

	@Test
	void archivesOneVariantButNeverTheLastActiveOne() {
		ProductDetails product = this.catalog.product(this.category.id(), "Socks", "Pair", 500, 600);
		this.http.post()
			.uri("/products/{id}/variants/{sku}/archive", product.id(), product.variants().get(0).sku())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.priceFrom.amount")
			.isEqualTo(600)
			.jsonPath("$.variants[0].status")
			.isEqualTo("ARCHIVED");
		this.http.post()
			.uri("/products/{id}/variants/{sku}/archive", product.id(), product.variants().get(1).sku())
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:last-variant");
	}

	private ProductView create(ProductRequest request) {
		return post(request).expectStatus().isCreated().expectBody(ProductView.class).returnResult().getResponseBody();
	}

	private RestTestClient.ResponseSpec post(Object request) {
		return this.http.post()
			.uri("/products")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange();
	}

}
