package io.cartwright.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class ProductCacheIT {

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	EntityManagerFactory entityManagers;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbcClient;

	Statistics statistics;

	CategoryView category;

	@BeforeEach
	void statistics() {
		this.statistics = this.entityManagers.unwrap(SessionFactory.class).getStatistics();
		this.statistics.setStatisticsEnabled(true);
		this.category = this.catalog.category("Lamps");
	}

	@Test
	void servesTheSecondReadFromRedisWithoutTouchingTheProductTables() {
		ProductDetails product = this.catalog.product(this.category.id(), "Desk Lamp", "Brass", 4500, 4700);
		read("/products/{id}", product.id());
		String key = "catalog::product-by-id::" + product.id();
		assertThat(this.redis.hasKey(key)).isTrue();
		assertThat(this.redis.getExpire(key)).isBetween(1L, 600L);
		assertThat(this.redis.opsForValue().get(key)).contains("\"slug\":\"" + product.slug() + "\"")
			.doesNotContain("@class")
			.doesNotContain("io.cartwright");
		this.statistics.clear();
		ProductView second = read("/products/{id}", product.id());
		assertThat(second.variants()).hasSize(2);
		assertNoProductWasLoaded();
		assertThat(this.meters.get("cache.gets")
			.tag("cache", ProductQueries.BY_ID)
			.tag("result", "hit")
			.functionCounter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void servesARepeatedListingPageFromRedisUntilAProductWriteClearsIt() {
		String word = "lumen" + UUID.randomUUID().toString().substring(0, 8);
		ProductDetails first = this.catalog.product(this.category.id(), "Floor Lamp " + word, "Tall", 9900);
		assertThat(listed(word)).containsExactly("Floor Lamp " + word);
		assertThat(this.redis.keys("catalog::product-pages::*")).isNotEmpty();

		this.jdbcClient.sql("UPDATE product SET name = ? WHERE id = ?")
			.params("Renamed " + word, first.id().toString())
			.update();
		assertThat(listed(word)).as("the page comes from Redis").containsExactly("Floor Lamp " + word);

		this.catalog.product(this.category.id(), "Wall Lamp " + word, "Small", 2900);
		assertThat(listed(word)).as("a product write clears the pages")
			.containsExactlyInAnyOrder("Wall Lamp " + word, "Renamed " + word);
	}

	@Test
	void aCachedPageFollowsAnSkuThatSellsOutOrComesBackButNotOtherStockChanges() {
		String word = "glow" + UUID.randomUUID().toString().substring(0, 8);
		ProductDetails product = this.catalog.product(this.category.id(), "Table Lamp " + word, "Round", 5900);
		String sku = product.variants().get(0).sku();
		this.catalog.stock(sku, 3, 0);
		assertThat(listedInStock(word)).containsExactly("Table Lamp " + word + ": in stock");
		this.jdbcClient.sql("UPDATE product SET name = ? WHERE id = ?")
			.params("Marked " + word, product.id().toString())
			.update();

		setStock(sku, 2);
		assertThat(listedInStock(word)).as("fewer units, still in stock: the page stays cached")
			.containsExactly("Table Lamp " + word + ": in stock");

		setStock(sku, 0);
		assertThat(listedInStock(word)).as("sold out: the pages are cleared")
			.containsExactly("Marked " + word + ": sold out");
		assertThat(content("/products?q={word}&inStock=true", word)).as("the in-stock filter drops it at once")
			.isEmpty();

		this.jdbcClient.sql("UPDATE product SET name = ? WHERE id = ?")
			.params("Table Lamp " + word, product.id().toString())
			.update();
		setStock(sku, 4);
		assertThat(listedInStock(word)).as("back in stock: the pages are cleared again")
			.containsExactly("Table Lamp " + word + ": in stock");
	}

	private void setStock(String sku, int onHand) {
		this.http.put()
			.uri("/stock/{sku}", sku)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("s1"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("onHand", onHand, "reason", "count"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private List<String> listedInStock(String word) {
		return content("/products?q={word}", word).valueStream()
			.map((summary) -> summary.get("name").asString() + ": "
					+ (summary.get("inStock").asBoolean() ? "in stock" : "sold out"))
			.toList();
	}

	private List<String> listed(String word) {
		return content("/products?q={word}", word).valueStream()
			.map((summary) -> summary.get("name").asString())
			.toList();
	}

	/** The summaries of a listing page. */
	private JsonNode content(String uri, String word) {
		return this.http.get()
			.uri(uri, word)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("content");
	}

	/**
	 * What a bus refresh does in every instance: the environment changes, Spring Cloud
	 * rebinds the cache properties, and the next entry written gets the new TTL. The path
	 * through config-server and Kafka is proven in the e2e module's
	 * {@code LiveRefreshIT}.
	 */
	@Test
	void aProductsTtlChangedByARefreshAppliesToTheNextEntryWithoutARestart() {
		String changed = "products-ttl-refresh";
		try {
			this.environment.getPropertySources()
				.addFirst(new MapPropertySource(changed, Map.of("cartwright.catalog.cache.products-ttl", "42s")));
			this.context.publishEvent(
					new EnvironmentChangeEvent(this.context, Set.of("cartwright.catalog.cache.products-ttl")));

			ProductDetails product = this.catalog.product(this.category.id(), "Reading Lamp", "Green", 3100);
			read("/products/{id}", product.id());
			assertThat(this.redis.getExpire("catalog::product-by-id::" + product.id())).isBetween(1L, 42L);
		}
		finally {
			this.environment.getPropertySources().remove(changed);
			this.context.publishEvent(
					new EnvironmentChangeEvent(this.context, Set.of("cartwright.catalog.cache.products-ttl")));
		}
		ProductDetails later = this.catalog.product(this.category.id(), "Piano Lamp", "Black", 5100);
		read("/products/{id}", later.id());
		assertThat(this.redis.getExpire("catalog::product-by-id::" + later.id())).isBetween(43L, 600L);
	}

	@Test
	void cachesBySlugToo() {
		ProductDetails product = this.catalog.product(this.category.id(), "Floor Lamp", "Tall", 8900);
		read("/products/slug/{slug}", product.slug());
		assertThat(this.redis.hasKey("catalog::product-by-slug::" + product.slug())).isTrue();
		this.statistics.clear();
		read("/products/slug/{slug}", product.slug());
		assertNoProductWasLoaded();
	}

	/**
	 * Counts loads of the product entities only: the outbox completes publications on the
	 * Kafka producer's thread meanwhile, and those statements are none of this test's
	 * business.
	 */
	private void assertNoProductWasLoaded() {
		assertThat(this.statistics.getEntityStatistics(Product.class.getName()).getLoadCount()).isZero();
		assertThat(this.statistics.getEntityStatistics(Product.class.getName()).getFetchCount()).isZero();
		assertThat(this.statistics.getEntityStatistics(Variant.class.getName()).getLoadCount()).isZero();
		assertThat(this.statistics.getEntityStatistics(Variant.class.getName()).getFetchCount()).isZero();
	}

	@Test
	void anUpdateEvictsTheProductByIdAndByItsOldAndNewSlug() {
		ProductRequest request = TestCatalog.request(this.category.id(), "Wall Lamp", "Bright", ProductStatus.ACTIVE,
				3900);
		ProductView created = this.http.post()
			.uri("/products")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("s1"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectBody(ProductView.class)
			.returnResult()
			.getResponseBody();
		read("/products/{id}", created.id());
		read("/products/slug/{slug}", created.slug());
		String newSlug = created.slug() + "-new";
		this.redis.opsForValue().set("catalog::product-by-slug::" + newSlug, "{}");
		this.http.put()
			.uri("/products/{id}", created.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("s1"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ProductRequest(newSlug, "Wall Lamp", "Brighter", this.category.id(), List.of(), null,
					request.variants()))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.redis.hasKey("catalog::product-by-id::" + created.id())).isFalse();
		assertThat(this.redis.hasKey("catalog::product-by-slug::" + created.slug())).isFalse();
		assertThat(this.redis.hasKey("catalog::product-by-slug::" + newSlug)).isFalse();
		assertThat(read("/products/{id}", created.id()).description()).isEqualTo("Brighter");
	}

	private ProductView read(String uri, Object key) {
		return this.http.get()
			.uri(uri, key)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ProductView.class)
			.returnResult()
			.getResponseBody();
	}

}
