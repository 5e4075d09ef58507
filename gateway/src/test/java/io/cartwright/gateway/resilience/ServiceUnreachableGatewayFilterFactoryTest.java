package io.cartwright.gateway.resilience;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.cartwright.gateway.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ServiceUnreachableGatewayFilterFactoryTest {

	private final ProblemResponses problems = mock(ProblemResponses.class);

	private final GatewayFilter filter = filter();

	private GatewayFilter filter() {
		ServiceUnreachableGatewayFilterFactory.Config config = new ServiceUnreachableGatewayFilterFactory.Config();
		config.setService("order");
		return new ServiceUnreachableGatewayFilterFactory(this.problems).apply(config);
	}

	@Test
	void aServiceThatRefusesTheConnectionIsA503Problem() {
		when(this.problems.write(any(), any(), anyString(), anyString(), any())).thenReturn(Mono.empty());
		MockServerWebExchange exchange = exchange();
		this.filter.filter(exchange, (e) -> Mono.error(new ConnectException("Connection refused"))).block();
		verify(this.problems).write(eq(exchange), eq(HttpStatus.SERVICE_UNAVAILABLE), eq("service-unavailable"),
				eq("The order service cannot be reached."), any());
	}

	@Test
	void aServiceWhoseAnswerDoesNotStartInTimeIsA504Problem() {
		when(this.problems.write(any(), any(), anyString(), anyString())).thenReturn(Mono.empty());
		MockServerWebExchange exchange = exchange();
		this.filter.filter(exchange, (e) -> Mono.error(new TimeoutException("Response took longer than 5s"))).block();
		verify(this.problems).write(eq(exchange), eq(HttpStatus.GATEWAY_TIMEOUT), eq("gateway-timeout"), anyString());
	}

	@Test
	void anyOtherFailureIsLeftAlone() {
		MockServerWebExchange exchange = exchange();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
				() -> this.filter.filter(exchange, (e) -> Mono.error(new IllegalStateException("bug"))).block());
		verifyNoInteractions(this.problems);
	}

	private static MockServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders/42/events"));
	}

}
