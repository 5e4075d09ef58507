package io.cartwright.catalog.stock;

import io.cartwright.catalog.web.PageView;
import io.cartwright.catalog.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
 * Staff's stock API (the security configuration lets only {@code STAFF} in): read the
 * stock of an SKU with its {@code ETag}, set it, adjust it, list its movements. Writes
 * honour {@code If-Match}; the actor of a change is the token's subject.
 */
@RestController
@RequestMapping("/stock/{sku}")
class StockController {

	private final StockAdministration stock;

	StockController(StockAdministration stock) {
		this.stock = stock;
	}

	@GetMapping
	ResponseEntity<StockView> get(@PathVariable String sku) {
		return withEtag(this.stock.view(sku));
	}

	@PutMapping
	ResponseEntity<StockView> set(@PathVariable String sku, @Valid @RequestBody SetStock request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal Jwt token) {
		return withEtag(this.stock.set(sku, request.onHand(), request.reason(), token.getSubject(), ifMatch));
	}

	@PostMapping("/adjustments")
	ResponseEntity<StockView> adjust(@PathVariable String sku, @Valid @RequestBody AdjustStock request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal Jwt token) {
		return withEtag(this.stock.adjust(sku, request.delta(), request.reason(), token.getSubject(), ifMatch));
	}

	@GetMapping("/movements")
	PageView<MovementView> movements(@PathVariable String sku,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.stock.movements(sku, page, size), MovementView::of);
	}

	private static ResponseEntity<StockView> withEtag(StockView view) {
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	/**
	 * Sets the quantity on hand.
	 *
	 * @param onHand the counted quantity
	 * @param reason why, for the movement history
	 */
	record SetStock(@NotNull @PositiveOrZero @Max(1_000_000_000) Integer onHand,
			@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * Changes the quantity on hand by a delta.
	 *
	 * @param delta units added (positive) or removed (negative)
	 * @param reason why, for the movement history
	 */
	record AdjustStock(@NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Integer delta,
			@NotBlank @Size(max = 500) String reason) {
	}

}
