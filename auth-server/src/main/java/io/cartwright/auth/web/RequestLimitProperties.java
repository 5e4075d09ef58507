package io.cartwright.auth.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a client may send ({@code cartwright.auth.requests.*}).
 *
 * @param maxBody the largest request body accepted; every endpoint of auth-server takes a
 * small form or JSON document
 */
@ConfigurationProperties("cartwright.auth.requests")
@Validated
public record RequestLimitProperties(@NotNull @DefaultValue("16KB") DataSize maxBody) {
}
