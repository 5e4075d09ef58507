package io.cartwright.infra.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.ClassUtils;

/**
 * JWT decoders that trust the {@link TestTokens} key and issuer, in place of the ones
 * Spring Boot would build from the configured issuer or JWK set URI. Loaded only when
 * Spring Security's JOSE support is on the classpath.
 */
final class TestJwtDecoders {

	private TestJwtDecoders() {
	}

	static void register(BeanDefinitionRegistry registry, ClassLoader classLoader) {
		registry.registerBeanDefinition("embeddedInfrastructureTestJwtDecoder",
				new RootBeanDefinition(JwtDecoder.class, TestJwtDecoders::servlet));
		// Reactor alone is no reactive stack: Lettuce brings it to servlet apps, and
		// NimbusReactiveJwtDecoder cannot even be introspected without WebFlux's
		// WebClient.
		if (ClassUtils.isPresent("reactor.core.publisher.Mono", classLoader)
				&& ClassUtils.isPresent("org.springframework.web.reactive.function.client.WebClient", classLoader)) {
			registry.registerBeanDefinition("embeddedInfrastructureTestReactiveJwtDecoder",
					new RootBeanDefinition(ReactiveJwtDecoder.class, TestJwtDecoders::reactive));
		}
	}

	static JwtDecoder servlet() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
		return decoder;
	}

	static ReactiveJwtDecoder reactive() {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
		return decoder;
	}

}
