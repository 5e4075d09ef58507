package io.cartwright.catalog.product;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.cartwright.catalog.stock.StockLevels;
import io.cartwright.catalog.web.PageView;
import io.cartwright.catalog.web.ResourceNotFoundException;
import io.cartwright.catalog.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products: public listing and reads, staff writes. Single reads carry an ETag made of
 * the product's version and its current availability (Spring MVC answers a matching
 * {@code If-None-Match} with 304); drafts are visible to staff only.
 */
@RestController
@RequestMapping("/products")
class ProductController {

	// Availability is part of the body and changes with every reservation: clients may
	// keep the product but must revalidate (cheap, thanks to the ETag) before using it.
	private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

	private final ProductQueries queries;

	private final Products products;

	private final ProductSearch search;

	private final StockLevels stock;

	ProductController(ProductQueries queries, Products products, ProductSearch search, StockLevels stock) {
		this.queries = queries;
		this.products = products;
		this.search = search;
		this.stock = stock;
	}

	@GetMapping
	PageView<ProductSummary> list(@RequestParam(required = false) @Nullable @Size(max = 200) String q,
			@RequestParam(required = false) @Nullable @Size(max = 120) String category,
			@RequestParam(required = false) @Nullable @PositiveOrZero Long minPrice,
			@RequestParam(required = false) @Nullable @PositiveOrZero Long maxPrice,
			@RequestParam(defaultValue = "false") boolean inStock,
			@RequestParam(name = "option",
					required = false) @Nullable @Size(max = 5) List<@Pattern(regexp = SearchCriteria.OPTION_PATTERN,
							message = "must look like name:value") String> options,
			@RequestParam(required = false) @Nullable @Pattern(regexp = SearchCriteria.SORT_PATTERN,
					message = "must be one of relevance, price,asc, price,desc, name, newest") String sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		String query = (q != null && !q.isBlank()) ? q.trim() : null;
		return this.search.search(new SearchCriteria(query, category, minPrice, maxPrice, inStock,
				SearchCriteria.parseOptions(options), SearchCriteria.Sort.parse(sort, query != null), page, size));
	}

	@GetMapping("/{id}")
	ResponseEntity<ProductView> byId(@PathVariable UUID id, @Nullable Authentication caller) {
		return view(this.queries.byId(id), id, caller);
	}

	@GetMapping("/slug/{slug}")
	ResponseEntity<ProductView> bySlug(@PathVariable String slug, @Nullable Authentication caller) {
		return view(this.queries.bySlug(slug), slug, caller);
	}

	@PostMapping
	ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequest request) {
		ProductDetails product = this.products.create(request);
		return written(ResponseEntity.created(URI.create("/products/" + product.id())), product);
	}

	@PutMapping("/{id}")
	ResponseEntity<ProductView> update(@PathVariable UUID id,
			@Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ProductRequest request) {
		return written(ResponseEntity.ok(), this.products.update(id, ifMatch, request));
	}

	@PostMapping("/{id}/archive")
	ResponseEntity<ProductView> archive(@PathVariable UUID id,
			@Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return written(ResponseEntity.ok(), this.products.archive(id, ifMatch));
	}

	@PostMapping("/{id}/activate")
	ResponseEntity<ProductView> activate(@PathVariable UUID id,
			@Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return written(ResponseEntity.ok(), this.products.activate(id, ifMatch));
	}

	@PostMapping("/{id}/variants/{sku}/archive")
	ResponseEntity<ProductView> archiveVariant(@PathVariable UUID id, @PathVariable String sku,
			@Nullable @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return written(ResponseEntity.ok(), this.products.archiveVariant(id, sku, ifMatch));
	}

	private ResponseEntity<ProductView> view(ProductDetails product, Object key, @Nullable Authentication caller) {
		boolean staff = isStaff(caller);
		if (product.status() == ProductStatus.DRAFT && !staff) {
			throw new ResourceNotFoundException("product", key);
		}
		ProductView view = ProductView.of(product, this.stock.available(product.skus()));
		return ResponseEntity.ok()
			.eTag(etag(view))
			.cacheControl(
					(product.status() == ProductStatus.DRAFT) ? CacheControl.noStore().cachePrivate() : REVALIDATE)
			.body(view);
	}

	private ResponseEntity<ProductView> written(ResponseEntity.BodyBuilder response, ProductDetails product) {
		ProductView view = ProductView.of(product, this.stock.available(product.skus()));
		return response.eTag(etag(view)).body(view);
	}

	private static String etag(ProductView view) {
		return Versions.etag(view.version(),
				view.variants().stream().map((v) -> v.sku() + "=" + v.available()).toList());
	}

	private static boolean isStaff(@Nullable Authentication caller) {
		return caller != null && caller.isAuthenticated()
				&& caller.getAuthorities().stream().anyMatch((a) -> "ROLE_STAFF".equals(a.getAuthority()));
	}

}
