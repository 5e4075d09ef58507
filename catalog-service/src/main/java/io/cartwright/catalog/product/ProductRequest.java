package io.cartwright.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.category.CategoryRequest;
import io.cartwright.catalog.pricing.IsoCurrency;
import io.cartwright.catalog.pricing.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A product with its variants, as staff create or replace it.
 *
 * @param slug the URL slug: lower-case letters and digits in words joined by hyphens
 * @param name the display name
 * @param description the description (plain text)
 * @param categoryId the category it is listed in
 * @param images up to 10 http(s) image URLs, the main one first; none when omitted
 * @param status {@code DRAFT} (the default) or {@code ACTIVE}; read on create only, a
 * replace keeps the status (use the archive and activate actions)
 * @param variants 1 to 50 variants; on replace, variants left out are archived
 */
public record ProductRequest(
		@NotBlank @Size(max = 160) @Pattern(regexp = CategoryRequest.SLUG,
				message = "must be lower-case letters and digits joined by single hyphens") String slug,
		@NotBlank @Size(max = 200) String name, @NotNull @Size(max = 5000) String description, @NotNull UUID categoryId,
		@Nullable @Size(max = 10) List<@NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+",
				message = "must be an http or https URL") String> images,
		@Nullable ProductStatus status,
		@NotNull @Size(min = 1, max = Product.MAX_VARIANTS) List<@NotNull @Valid VariantRequest> variants) {

	/**
	 * One variant of the product.
	 *
	 * @param sku its SKU, unique across the catalog
	 * @param options its option values such as {@code {"size": "M"}}; none for a product
	 * without options
	 * @param price its price
	 */
	public record VariantRequest(
			@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
					message = "must be letters, digits, dots, underscores and hyphens") String sku,
			@Nullable @Size(max = 5) Map<@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9_-]*",
					message = "must be a lower-case option name") String, @NotBlank @Size(max = 80) String> options,
			@NotNull @Valid PriceRequest price) {

		VariantSpec toSpec() {
			return new VariantSpec(this.sku, (this.options != null) ? this.options : Map.of(),
					Money.of(this.price.amount(), this.price.currency()));
		}

	}

	/**
	 * A price.
	 *
	 * @param amount in minor units (cents), 0 or more
	 * @param currency the ISO 4217 code
	 */
	public record PriceRequest(@NotNull @PositiveOrZero @Max(1_000_000_000_00L) Long amount,
			@NotNull @IsoCurrency String currency) {

	}

	ProductDetailsSpec details() {
		return new ProductDetailsSpec(this.slug, this.name, this.description, this.categoryId,
				(this.images != null) ? this.images : List.of());
	}

	List<VariantSpec> variantSpecs() {
		return this.variants.stream().map(VariantRequest::toSpec).toList();
	}

	ProductStatus statusOrDraft() {
		return (this.status != null) ? this.status : ProductStatus.DRAFT;
	}

}
