package io.cartwright.catalog.category;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A category as staff create or replace it.
 *
 * @param parentId the parent category, or {@code null} for a top-level category
 * @param slug the URL slug: lower-case letters and digits in words joined by hyphens
 * @param name the display name
 * @param position the place among its siblings, 0 when omitted
 */
public record CategoryRequest(@Nullable UUID parentId,
		@NotBlank @Size(max = 120) @Pattern(regexp = SLUG,
				message = "must be lower-case letters and digits joined by single hyphens") String slug,
		@NotBlank @Size(max = 200) String name, @Nullable @PositiveOrZero @Max(100_000) Integer position) {

	/** What a slug looks like, for categories and products alike. */
	public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

	int positionOrZero() {
		return (this.position != null) ? this.position : 0;
	}

}
