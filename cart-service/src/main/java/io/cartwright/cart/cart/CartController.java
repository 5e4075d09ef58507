package io.cartwright.cart.cart;

import java.net.URI;
import java.util.UUID;

import io.cartwright.cart.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
 * The storefront's cart API. A guest cart is addressed by its id ({@code /carts/{id}}),
 * anonymously; the signed-in customer's cart is {@code /carts/me}. Every answer is the
 * priced cart with its version as {@code ETag}; writes accept an optional
 * {@code If-Match}.
 */
@RestController
@RequestMapping("/carts")
class CartController {

	private final CartService carts;

	CartController(CartService carts) {
		this.carts = carts;
	}

	@PostMapping
	ResponseEntity<CartView> create() {
		CartView cart = this.carts.createGuestCart();
		return ResponseEntity.created(URI.create("/carts/" + cart.id())).eTag(Versions.etag(cart.version())).body(cart);
	}

	@GetMapping("/me")
	ResponseEntity<CartView> mine(@AuthenticationPrincipal Jwt jwt) {
		return ok(this.carts.read(this.carts.activeCartOf(jwt.getSubject()), jwt.getSubject()));
	}

	@GetMapping("/{id}")
	ResponseEntity<CartView> read(@PathVariable UUID id, @AuthenticationPrincipal @Nullable Jwt jwt) {
		return ok(this.carts.read(id, subject(jwt)));
	}

	@PostMapping("/me/lines")
	ResponseEntity<CartView> addToMine(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CartRequests.NewLine line,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.add(this.carts.activeCartOf(jwt.getSubject()), jwt.getSubject(), ifMatch, line.sku(),
				line.quantity()));
	}

	@PostMapping("/{id}/lines")
	ResponseEntity<CartView> add(@PathVariable UUID id, @AuthenticationPrincipal @Nullable Jwt jwt,
			@Valid @RequestBody CartRequests.NewLine line,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.add(id, subject(jwt), ifMatch, line.sku(), line.quantity()));
	}

	@PutMapping("/me/lines/{sku}")
	ResponseEntity<CartView> changeMine(@AuthenticationPrincipal Jwt jwt, @PathVariable @Size(max = 64) String sku,
			@Valid @RequestBody CartRequests.QuantityChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.changeQuantity(this.carts.activeCartOf(jwt.getSubject()), jwt.getSubject(), ifMatch, sku,
				change.quantity()));
	}

	@PutMapping("/{id}/lines/{sku}")
	ResponseEntity<CartView> change(@PathVariable UUID id, @AuthenticationPrincipal @Nullable Jwt jwt,
			@PathVariable @Size(max = 64) String sku, @Valid @RequestBody CartRequests.QuantityChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.changeQuantity(id, subject(jwt), ifMatch, sku, change.quantity()));
	}

	@DeleteMapping("/me/lines/{sku}")
	ResponseEntity<CartView> removeFromMine(@AuthenticationPrincipal Jwt jwt, @PathVariable @Size(max = 64) String sku,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.remove(this.carts.activeCartOf(jwt.getSubject()), jwt.getSubject(), ifMatch, sku));
	}

	@DeleteMapping("/{id}/lines/{sku}")
	ResponseEntity<CartView> remove(@PathVariable UUID id, @AuthenticationPrincipal @Nullable Jwt jwt,
			@PathVariable @Size(max = 64) String sku,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.remove(id, subject(jwt), ifMatch, sku));
	}

	@DeleteMapping("/me/lines")
	ResponseEntity<CartView> clearMine(@AuthenticationPrincipal Jwt jwt,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.clear(this.carts.activeCartOf(jwt.getSubject()), jwt.getSubject(), ifMatch));
	}

	@DeleteMapping("/{id}/lines")
	ResponseEntity<CartView> clear(@PathVariable UUID id, @AuthenticationPrincipal @Nullable Jwt jwt,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return ok(this.carts.clear(id, subject(jwt), ifMatch));
	}

	@PostMapping("/me/merge")
	ResponseEntity<CartView> merge(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CartRequests.Merge merge) {
		return ok(this.carts.merge(jwt.getSubject(), merge.guestCartId()));
	}

	private static @Nullable String subject(@Nullable Jwt jwt) {
		return (jwt != null) ? jwt.getSubject() : null;
	}

	private static ResponseEntity<CartView> ok(CartView cart) {
		return ResponseEntity.ok().eTag(Versions.etag(cart.version())).body(cart);
	}

}
