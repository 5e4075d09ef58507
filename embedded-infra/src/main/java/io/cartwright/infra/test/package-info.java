/**
 * Spring test support: {@link io.cartwright.infra.test.EmbeddedInfrastructure} on a test
 * class connects its context to the embedded servers of
 * {@link io.cartwright.infra.test.SharedInfrastructure}.
 */
package io.cartwright.infra.test;
