package io.cartwright.benchmarks.simulations;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The catalog's read requests, by the names the reports show. Product requests use the
 * session's {@code id} and {@code slug}, listings its {@code word} and {@code category}
 * (columns of {@code products.csv} and {@code categories.csv}).
 */
final class CatalogRequests {

	private final String prefix;

	CatalogRequests(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * A product page. {@code 304} is a right answer too: like a browser, a virtual user
	 * that read the product before asks with its ETag.
	 */
	HttpRequestActionBuilder productById() {
		return http("product by id").get(this.prefix + "/products/#{id}").check(status().in(200, 304));
	}

	HttpRequestActionBuilder productBySlug() {
		return http("product by slug").get(this.prefix + "/products/slug/#{slug}").check(status().in(200, 304));
	}

	HttpRequestActionBuilder searchText() {
		return page("search text").queryParam("q", "#{word}");
	}

	HttpRequestActionBuilder categoryFirstPage() {
		return page("category page 1").queryParam("category", "#{category}");
	}

	HttpRequestActionBuilder priceRange() {
		return page("price range").queryParam("minPrice", 1000)
			.queryParam("maxPrice", 5000)
			.queryParam("sort", "price,asc");
	}

	HttpRequestActionBuilder sortByName() {
		return page("sort by name").queryParam("sort", "name");
	}

	HttpRequestActionBuilder deepPageOfCategory() {
		return page("deep page category").queryParam("category", "#{category}")
			.queryParam("page", 50)
			.queryParam("size", 20);
	}

	/** Page 2000 of 20: offset 40,000 of the whole catalog. */
	HttpRequestActionBuilder deepPageNewest() {
		return page("deep page newest").queryParam("sort", "newest").queryParam("page", 2000).queryParam("size", 20);
	}

	private HttpRequestActionBuilder page(String name) {
		// PageView: {"content": [...], "page": {...}}
		return http(name).get(this.prefix + "/products").check(status().is(200), jsonPath("$.content").exists());
	}

}
