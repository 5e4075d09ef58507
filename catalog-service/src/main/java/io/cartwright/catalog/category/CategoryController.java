package io.cartwright.catalog.category;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import io.cartwright.catalog.web.ResourceNotFoundException;
import io.cartwright.catalog.web.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The category tree: public reads with ETags (Spring MVC answers a matching
 * {@code If-None-Match} with 304), staff writes with {@code If-Match}.
 */
@RestController
@RequestMapping("/categories")
class CategoryController {

	private static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

	private final CategoryQueries queries;

	private final Categories categories;

	CategoryController(CategoryQueries queries, Categories categories) {
		this.queries = queries;
		this.categories = categories;
	}

	@GetMapping
	ResponseEntity<List<CategoryNode>> tree() {
		CategoryTree tree = this.queries.tree();
		return ResponseEntity.ok()
			.eTag("\"" + tree.fingerprint() + "\"")
			.cacheControl(PUBLIC_MINUTE)
			.body(tree.roots());
	}

	@GetMapping("/{idOrSlug}")
	ResponseEntity<CategoryView> one(@PathVariable String idOrSlug) {
		List<CategoryNode> path = this.queries.tree()
			.pathTo(idOrSlug)
			.orElseThrow(() -> new ResourceNotFoundException("category", idOrSlug));
		CategoryView view = CategoryView.of(path);
		return ResponseEntity.ok().eTag(Versions.etag(view.version(), path)).cacheControl(PUBLIC_MINUTE).body(view);
	}

	@PostMapping
	ResponseEntity<CategoryView> create(@Valid @RequestBody CategoryRequest request) {
		CategoryView view = this.categories.create(request);
		return ResponseEntity.created(URI.create("/categories/" + view.id()))
			.eTag(Versions.etag(view.version()))
			.body(view);
	}

	@PutMapping("/{id}")
	ResponseEntity<CategoryView> update(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody CategoryRequest request) {
		CategoryView view = this.categories.update(id, ifMatch, request);
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.categories.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
