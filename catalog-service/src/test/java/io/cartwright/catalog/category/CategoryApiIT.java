package io.cartwright.catalog.category;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class CategoryApiIT {

	private static final String STAFF = "Bearer " + TestTokens.staff("s1");

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void servesTheTreeWithChildrenOrderedByPosition() {
		CategoryView root = create(null, "Clothing", 5);
		create(root.id(), "Trousers", 2);
		create(root.id(), "Shirts", 1);
		List<Map<String, Object>> tree = this.http.get()
			.uri("/categories")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		Map<String, Object> clothing = tree.stream()
			.filter((node) -> node.get("id").equals(root.id().toString()))
			.findFirst()
			.orElseThrow();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> children = (List<Map<String, Object>>) clothing.get("children");
		assertThat(children).extracting((child) -> child.get("name")).containsExactly("Shirts", "Trousers");
	}

	@Test
	void answersNotModifiedUntilTheTreeChangesAndEvictsTheCachedTreeOnWrites() {
		String etag = this.http.get().uri("/categories").exchange().returnResult().getResponseHeaders().getETag();
		this.http.get().uri("/categories").ifNoneMatch(etag).exchange().expectStatus().isNotModified();
		assertThat(this.redis.hasKey("catalog::category-tree::all")).isTrue();
		CategoryView added = create(null, "Garden", 9);
		assertThat(this.redis.hasKey("catalog::category-tree::all")).isFalse();
		this.http.get()
			.uri("/categories")
			.ifNoneMatch(etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')].name".formatted(added.id()))
			.isEqualTo("Garden");
	}

	@Test
	void readsOneCategoryByIdOrSlugWithItsPath() {
		CategoryView root = create(null, "Home", 0);
		CategoryView kitchen = create(root.id(), "Kitchen", 0);
		CategoryView knives = create(kitchen.id(), "Knives", 0);
		for (String key : List.of(knives.id().toString(), knives.slug())) {
			this.http.get()
				.uri("/categories/{key}", key)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.exists(HttpHeaders.ETAG)
				.expectBody()
				.jsonPath("$.id")
				.isEqualTo(knives.id().toString())
				.jsonPath("$.parentId")
				.isEqualTo(kitchen.id().toString())
				.jsonPath("$.path[*].slug")
				.isEqualTo(List.of(root.slug(), kitchen.slug()));
		}
		this.http.get()
			.uri("/categories/{key}", "no-such-" + TestCatalog.unique())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void renamesAndMovesACategoryHonouringIfMatch() {
		CategoryView a = create(null, "Sports", 0);
		CategoryView b = create(null, "Outdoor", 0);
		CategoryView tents = create(a.id(), "Tents", 0);
		Map<String, Object> change = Map.of("parentId", b.id(), "slug", tents.slug() + "-x", "name", "Tents & Tarps",
				"position", 3);
		put(tents.id(), "\"" + (tents.version() + 1) + "\"", change).expectStatus().isEqualTo(412);
		put(tents.id(), "\"" + tents.version() + "\"", change).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Tents & Tarps")
			.jsonPath("$.parentId")
			.isEqualTo(b.id().toString())
			.jsonPath("$.version")
			.isEqualTo((int) tents.version() + 1);
		this.http.get()
			.uri("/categories/{id}", tents.id())
			.exchange()
			.expectBody()
			.jsonPath("$.path[0].id")
			.isEqualTo(b.id().toString());
	}

	@Test
	void refusesToMoveACategoryIntoItsOwnSubtree() {
		CategoryView top = create(null, "Toys", 0);
		CategoryView child = create(top.id(), "Puzzles", 0);
		put(top.id(), null, Map.of("parentId", child.id(), "slug", top.slug(), "name", "Toys")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:category-cycle");
		put(top.id(), null, Map.of("parentId", top.id(), "slug", top.slug(), "name", "Toys")).expectStatus()
			.isEqualTo(409);
	}

	@Test
	void refusesToMoveOrDeleteACategoryThatHasProducts() {
		CategoryView top = create(null, "Books", 0);
		CategoryView novels = create(top.id(), "Novels", 0);
		CategoryView other = create(null, "Music", 0);
		this.catalog.product(novels.id(), "A Novel", "Pages", 1200);
		put(top.id(), null, Map.of("parentId", other.id(), "slug", top.slug(), "name", "Books")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:category-has-products");
		delete(novels.id()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:category-has-products");
		delete(top.id()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:category-has-children");
		put(top.id(), null, Map.of("slug", top.slug(), "name", "Books & Comics")).expectStatus().isOk();
	}

	@Test
	void deletesAnEmptyCategory() {
		CategoryView empty = create(null, "Empty", 0);
		delete(empty.id()).expectStatus().isNoContent();
		this.http.get().uri("/categories/{id}", empty.id()).exchange().expectStatus().isNotFound();
		delete(empty.id()).expectStatus().isNotFound();
	}

	@Test
	void refusesADuplicateSlugAndAnUnknownParent() {
		CategoryView existing = create(null, "Shoes", 0);
		post(Map.of("slug", existing.slug(), "name", "Shoes again")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:duplicate-slug");
		post(Map.of("parentId", UUID.randomUUID(), "slug", "orphan-" + TestCatalog.unique(), "name", "Orphan"))
			.expectStatus()
			.isEqualTo(422);
		post(Map.of("slug", "Bad Slug!", "name", "", "position", -1)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("slug", "name", "position"));
	}

	private CategoryView create(UUID parent, String name, int position) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("slug", name.toLowerCase() + "-" + TestCatalog.unique(), "name", name, "position", position));
		if (parent != null) {
			body.put("parentId", parent);
		}
		return post(body).expectStatus().isCreated().expectBody(CategoryView.class).returnResult().getResponseBody();
	}

	private RestTestClient.ResponseSpec post(Object body) {
		return this.http.post()
			.uri("/categories")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec put(UUID id, String ifMatch, Object body) {
		RestTestClient.RequestBodySpec request = this.http.put()
			.uri("/categories/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request = request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.body(body).exchange();
	}

	private RestTestClient.ResponseSpec delete(UUID id) {
		return this.http.delete().uri("/categories/{id}", id).header(HttpHeaders.AUTHORIZATION, STAFF).exchange();
	}

}
