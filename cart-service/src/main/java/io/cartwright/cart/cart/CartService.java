package io.cartwright.cart.cart;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.cartwright.cart.catalog.CatalogLookup;
import io.cartwright.cart.catalog.SkuLookup;
import io.cartwright.cart.catalog.SkuSnapshot;
import io.cartwright.cart.web.DependencyUnavailableException;
import io.cartwright.cart.web.ResourceNotFoundException;
import io.cartwright.cart.web.UnprocessableException;
import io.cartwright.cart.web.Versions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cart's application service. A write runs in one transaction that locks the cart's
 * row first, so concurrent writes to one cart are serialized and none is lost; the lookup
 * of an added SKU happens before, outside that transaction, so that no lock is held
 * across an HTTP call to catalog-service (made only for an SKU the read model does not
 * know). Reads go through the per-version view cache; a write answers with the cart read
 * after it committed, in one query, and caches that view.
 */
@Service
public class CartService {

	private static final Logger log = LoggerFactory.getLogger(CartService.class);

	private static final String CART = "cart";

	private final Carts carts;

	private final CartViews views;

	private final CatalogLookup catalog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CartService(Carts carts, CartViews views, CatalogLookup catalog, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.carts = carts;
		this.views = views;
		this.catalog = catalog;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Creates a guest cart with a random, unguessable id (a version 4 UUID, 122 bits from
	 * {@link java.security.SecureRandom}): the id is the guest's only key to it.
	 * @return the new cart
	 */
	public CartView createGuestCart() {
		UUID id = UUID.randomUUID();
		this.carts.createGuestCart(id, this.clock.instant());
		log.info("Created guest cart {}", id);
		return current(id);
	}

	/**
	 * The customer's active cart, created on first use.
	 * @param customerId the token subject
	 * @return the cart's id
	 */
	public UUID activeCartOf(String customerId) {
		// No transaction: each statement commits on its own, so the re-read after losing
		// the race to create the cart sees the winner's row.
		return this.carts.activeCartOrCreate(customerId, UUID.randomUUID(), this.clock.instant());
	}

	/**
	 * A cart as the caller may see it.
	 * @param id the cart
	 * @param subject the caller's token subject, null when anonymous
	 * @return the priced cart
	 * @throws ResourceNotFoundException when there is no such cart or it is another
	 * customer's
	 */
	public CartView read(UUID id, @Nullable String subject) {
		CartHeader header = this.carts.header(id)
			.filter((cart) -> cart.isVisibleTo(subject))
			.orElseThrow(() -> new ResourceNotFoundException(CART, id));
		return this.views.priced(header).view();
	}

	/**
	 * Adds units of an SKU. The SKU is looked up first: in the read model, or in
	 * catalog-service when the read model does not know it yet (ADR 0010); an unknown,
	 * archived or sold-out SKU is refused.
	 */
	public CartView add(UUID id, @Nullable String subject, @Nullable String ifMatch, String sku, int quantity) {
		SkuLookup lookup = this.catalog.lookUp(sku);
		SkuSnapshot known = sellable(sku, lookup);
		return write(id, subject, ifMatch, (cart, now) -> {
			boolean isNew = cart.line(sku).isEmpty();
			CartLine line = cart.add(sku, quantity, known.price(), now);
			OptionalLong available = lookup.available();
			if (available.isPresent() && line.quantity() > available.getAsLong()) {
				throw new UnprocessableException("out-of-stock",
						"Only %d of SKU %s are in stock; the cart would hold %d.".formatted(available.getAsLong(), sku,
								line.quantity()));
			}
			this.carts.saveLine(cart.id(), line, isNew);
		});
	}

	public CartView changeQuantity(UUID id, @Nullable String subject, @Nullable String ifMatch, String sku,
			int quantity) {
		return write(id, subject, ifMatch, (cart, now) -> {
			Optional<CartLine> line = cart.changeQuantity(sku, quantity);
			if (line.isPresent()) {
				this.carts.saveLine(cart.id(), line.get(), false);
			}
			else {
				this.carts.deleteLine(cart.id(), sku);
			}
		});
	}

	public CartView remove(UUID id, @Nullable String subject, @Nullable String ifMatch, String sku) {
		return write(id, subject, ifMatch, (cart, now) -> {
			cart.remove(sku);
			this.carts.deleteLine(cart.id(), sku);
		});
	}

	public CartView clear(UUID id, @Nullable String subject, @Nullable String ifMatch) {
		return write(id, subject, ifMatch, (cart, now) -> {
			cart.clear();
			this.carts.deleteLines(cart.id());
		});
	}

	/**
	 * Moves a guest cart's lines into the customer's active cart and retires the guest
	 * cart. Merging a guest cart that is already merged changes nothing.
	 * @param customerId the customer
	 * @param guestCartId the guest cart
	 * @return the customer's cart
	 */
	public CartView merge(String customerId, UUID guestCartId) {
		UUID customerCartId = activeCartOf(customerId);
		record Outcome(long previousVersion, long guestVersion, boolean changed) {
		}
		Outcome outcome = this.transactions.execute((status) -> {
			List<Cart> locked = this.carts.lockAll(List.of(customerCartId, guestCartId));
			Cart customerCart = locked.stream()
				.filter((cart) -> cart.id().equals(customerCartId))
				.findFirst()
				.orElseThrow(() -> new ResourceNotFoundException(CART, customerCartId));
			Cart guest = locked.stream()
				.filter((cart) -> cart.id().equals(guestCartId))
				.findFirst()
				.orElseThrow(() -> new ResourceNotFoundException("guest cart", guestCartId));
			if (!guest.isGuestCart()) {
				if (customerId.equals(guest.customerId())) {
					throw new UnprocessableException("not-a-guest-cart",
							"Cart %s is already yours; only a guest cart can be merged.".formatted(guestCartId));
				}
				throw new ResourceNotFoundException("guest cart", guestCartId);
			}
			if (guest.status() == CartStatus.MERGED) {
				return new Outcome(customerCart.version(), guest.version(), false);
			}
			Instant now = this.clock.instant();
			Set<String> present = customerCart.lines().stream().map(CartLine::sku).collect(Collectors.toSet());
			for (CartLine line : customerCart.absorb(guest)) {
				this.carts.saveLine(customerCartId, line, !present.contains(line.sku()));
			}
			this.carts.deleteLines(guestCartId);
			this.carts.markMerged(guestCartId, customerCartId, now);
			this.carts.touch(customerCartId, now);
			return new Outcome(customerCart.version(), guest.version(), true);
		});
		if (Objects.requireNonNull(outcome).changed()) {
			this.views.evict(customerCartId, outcome.previousVersion());
			this.views.evict(guestCartId, outcome.guestVersion());
			log.info("Merged guest cart {} into cart {}", guestCartId, customerCartId);
		}
		return current(customerCartId);
	}

	/**
	 * A cart for order-service: lines, owner and status.
	 * @param id the cart
	 * @return the cart
	 */
	public InternalCartView forCheckout(UUID id) {
		return this.transactions.execute((status) -> {
			CartHeader header = this.carts.header(id).orElseThrow(() -> new ResourceNotFoundException(CART, id));
			List<InternalCartView.Line> lines = this.carts.lines(id)
				.stream()
				.map((line) -> new InternalCartView.Line(line.sku(), line.quantity()))
				.toList();
			return new InternalCartView(id, header.customerId(), header.status(), header.version(), lines);
		});
	}

	/**
	 * An order for the cart was confirmed: the cart is checked out. To be called inside
	 * the transaction that records the event as processed.
	 * @param cartId the cart
	 */
	public void checkedOut(UUID cartId) {
		if (this.carts.checkOut(cartId, this.clock.instant())) {
			log.info("Cart {} checked out", cartId);
		}
	}

	private SkuSnapshot sellable(String sku, SkuLookup lookup) {
		return switch (lookup.outcome()) {
			case UNKNOWN -> throw new UnprocessableException("unknown-sku", "There is no SKU " + sku + ".");
			case UNAVAILABLE -> throw new DependencyUnavailableException("catalog-unavailable",
					"The catalog cannot be reached to look up SKU %s, and it is not known here yet; try again shortly."
						.formatted(sku));
			case READ_MODEL, CATALOG, SNAPSHOT -> {
				SkuSnapshot known = Objects.requireNonNull(lookup.sku());
				if (!known.active()) {
					throw new UnprocessableException("sku-unavailable", "SKU " + sku + " is no longer sold.");
				}
				if (lookup.available().isPresent() && lookup.available().getAsLong() <= 0) {
					throw new UnprocessableException("out-of-stock", "SKU " + sku + " is out of stock.");
				}
				yield known;
			}
		};
	}

	private CartView write(UUID id, @Nullable String subject, @Nullable String ifMatch, Change change) {
		long previous = Objects.requireNonNull(this.transactions.execute((status) -> {
			Cart cart = this.carts.lock(id)
				.filter((locked) -> locked.isVisibleTo(subject))
				.orElseThrow(() -> new ResourceNotFoundException(CART, id));
			Versions.requireMatch(CART, ifMatch, cart.version());
			Instant now = this.clock.instant();
			change.apply(cart, now);
			this.carts.touch(id, now);
			return cart.version();
		}));
		this.views.evict(id, previous);
		return current(id);
	}

	/**
	 * A cart as it is now, read in one query right after a change, its view cached for
	 * the version read. Only for a cart the caller has already been allowed to see.
	 */
	private CartView current(UUID id) {
		CartContents contents = this.carts.contents(id).orElseThrow(() -> new ResourceNotFoundException(CART, id));
		return this.views.priced(contents).view();
	}

	@FunctionalInterface
	private interface Change {

		void apply(Cart cart, Instant now);

	}

}
