package io.cartwright.order.live;

import java.time.Duration;

import io.cartwright.order.web.ServiceUnavailableException;
import io.cartwright.order.web.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StreamQuotaTest {

	private final StreamQuota quota = new StreamQuota(3, 2, Duration.ofSeconds(3));

	@Test
	void aFullInstanceRefusesWith503UntilAStreamEnds() {
		this.quota.reserve("ann");
		this.quota.reserve("bob");
		this.quota.reserve("cid");

		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> this.quota.reserve("dan"))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo("streams-at-capacity");
				assertThat(ex.retryAfter()).hasSeconds(3);
			});
		assertThat(this.quota.open()).isEqualTo(3);

		this.quota.release("bob");
		this.quota.reserve("dan");
		assertThat(this.quota.open()).isEqualTo(3);
	}

	@Test
	void aCustomerAtTheirLimitIsRefusedWith429AndTheRefusalTakesNoPlace() {
		this.quota.reserve("ann");
		this.quota.reserve("ann");

		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.quota.reserve("ann"));
		assertThat(this.quota.open()).isEqualTo(2);
		this.quota.reserve("bob");
		assertThat(this.quota.open()).isEqualTo(3);

		this.quota.release("ann");
		this.quota.reserve("ann");
	}

}
