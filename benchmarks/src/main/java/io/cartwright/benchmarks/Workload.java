package io.cartwright.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The request paths wrk replays, made from the seeded catalog's CSV files: product pages
 * of a hot set (a shop's traffic is concentrated on a fraction of its catalog; the set is
 * what the warm-up caches), and listing pages of every kind the storefront shows.
 */
final class Workload {

	/** Products whose pages are requested by id or slug: a realistic hot set. */
	static final int HOT_PRODUCTS = 10_000;

	private final List<String[]> products;

	private final List<String> categories;

	private Workload(List<String[]> products, List<String> categories) {
		this.products = products;
		this.categories = categories;
	}

	static Workload read(Path data) {
		try {
			List<String[]> products = Files.readAllLines(data.resolve("products.csv"))
				.stream()
				.skip(1)
				.map((line) -> line.split(","))
				.toList();
			List<String> categories = Files.readAllLines(data.resolve("categories.csv")).stream().skip(1).toList();
			return new Workload(products, categories);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Product pages by id.
	 * @param prefix {@code /api/catalog} through the gateway, empty straight to
	 * catalog-service
	 * @return the paths
	 */
	List<String> productsById(String prefix) {
		return hot().stream().map((product) -> prefix + "/products/" + product[0]).toList();
	}

	List<String> productsBySlug(String prefix) {
		return hot().stream().map((product) -> prefix + "/products/slug/" + product[1]).toList();
	}

	/**
	 * Listing and search pages: text queries, category filters, price ranges, each sort,
	 * first and deep pages.
	 * @param prefix as for {@link #productsById}
	 * @return the paths
	 */
	List<String> listings(String prefix) {
		SplittableRandom random = new SplittableRandom(7);
		List<String> paths = new ArrayList<>();
		String[] sorts = { "relevance", "price,asc", "price,desc", "name", "newest" };
		for (int n = 0; n < 400; n++) {
			String[] product = this.products.get(random.nextInt(this.products.size()));
			String category = this.categories.get(random.nextInt(this.categories.size()));
			long min = 500 + random.nextInt(100) * 100L;
			paths.add(prefix + "/products?q=" + product[3]);
			paths.add(prefix + "/products?q=" + product[3] + "&sort=" + sorts[random.nextInt(sorts.length)]);
			paths.add(prefix + "/products?category=" + category);
			paths.add(prefix + "/products?category=" + category + "&minPrice=" + min + "&maxPrice=" + (min + 5000)
					+ "&sort=price,asc");
			paths.add(prefix + "/products?sort=" + sorts[1 + random.nextInt(sorts.length - 1)]);
			paths.add(prefix + "/products?category=" + category + "&page=" + (20 + random.nextInt(30)));
			paths.add(prefix + "/products?sort=newest&page=" + (1000 + random.nextInt(1000)));
		}
		return paths;
	}

	private List<String[]> hot() {
		return this.products.subList(0, Math.min(HOT_PRODUCTS, this.products.size()));
	}

	static Path write(Path file, List<String> lines) {
		try {
			return Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
