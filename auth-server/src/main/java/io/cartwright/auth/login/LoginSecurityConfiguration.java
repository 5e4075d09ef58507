package io.cartwright.auth.login;

import java.util.LinkedHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The sign-in page and form ({@code GET/POST /login}, with CSRF protection and a session)
 * and everything not claimed by the authorization server's or the API's filter chains.
 * <p>
 * The form's authentication manager has the throttled provider only, and no parent: a
 * parent built from the {@code UserDetailsService} bean would be asked again after a
 * throttled refusal, and let the password through.
 */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfiguration {

	@Bean
	@Order(3)
	SecurityFilterChain signIn(HttpSecurity http, UserDetailsService accounts, PasswordEncoder passwords,
			LoginThrottle throttle, AuthenticationEventPublisher events) {
		DaoAuthenticationProvider checkPassword = new DaoAuthenticationProvider(accounts);
		checkPassword.setPasswordEncoder(passwords);
		ProviderManager signIns = new ProviderManager(new ThrottledAuthenticationProvider(checkPassword, throttle));
		// Successes and failures become audit events (SIGN_IN_SUCCEEDED, SIGN_IN_FAILED).
		signIns.setAuthenticationEventPublisher(events);
		http.authenticationManager(signIns)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/error")
				.permitAll()
				// No page lives elsewhere: any other path is a 404 problem.
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/login").failureHandler(failures()));
		return http.build();
	}

	/**
	 * {@code /login?locked} for a throttled sign-in, {@code /login?error} for any other
	 * failure: both the same for emails with and without an account.
	 */
	private static AuthenticationFailureHandler failures() {
		LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> handlers = new LinkedHashMap<>();
		handlers.put(LoginThrottledException.class, new SimpleUrlAuthenticationFailureHandler("/login?locked"));
		return new DelegatingAuthenticationFailureHandler(handlers,
				new SimpleUrlAuthenticationFailureHandler("/login?error"));
	}

}
