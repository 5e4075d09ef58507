package io.cartwright.order.checkout;

import java.net.http.HttpClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The declared HTTP client of cart-service, with its timeouts and a client-credentials
 * token. The token belongs to the service, not to the customer whose request triggers the
 * call: it is obtained and cached under one fixed principal, never per customer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CartClientProperties.class)
class CartClientConfiguration {

	private static final Authentication SERVICE = new AnonymousAuthenticationToken("order-service", "order-service",
			AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

	@Bean
	CartClient cartClient(RestClient.Builder builder, CartClientProperties properties,
			ClientRegistrationRepository registrations) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.readTimeout());
		AuthorizedClientServiceOAuth2AuthorizedClientManager tokens = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
		OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(tokens);
		bearer.setClientRegistrationIdResolver((request) -> properties.registrationId());
		bearer.setPrincipalResolver((request) -> SERVICE);
		RestClient client = builder.clone()
			.baseUrl(properties.url())
			.requestFactory(requests)
			.requestInterceptor(bearer)
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
			.build()
			.createClient(CartClient.class);
	}

}
