package io.cartwright.order.checkout;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the order service calls cart-service ({@code cartwright.order.cart.*}).
 *
 * @param url the cart's base URL ({@code cartwright.services.cart-url})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; beyond it the checkout answers 503
 * @param registrationId the OAuth2 client registration whose client-credentials token the
 * calls carry ({@code spring.security.oauth2.client.registration.<id>})
 * @param retryAfter what the 503 tells the client to wait before retrying
 */
@Validated
@ConfigurationProperties("cartwright.order.cart")
record CartClientProperties(@NotBlank String url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
		@NotBlank String registrationId, @NotNull Duration retryAfter) {
}
