package io.cartwright.cart.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the cart calls catalog-service.
 *
 * @param url the catalog's base URL ({@code cartwright.services.catalog-url})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; beyond it the snapshot answers
 */
@Validated
@ConfigurationProperties("cartwright.cart.catalog")
record CatalogClientProperties(@NotNull String url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {
}
