package io.cartwright.order.payment;

import java.util.UUID;

import io.cartwright.order.payment.PaymentProvider.Authorization;
import io.cartwright.order.pricing.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPaymentProviderTest {

	private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider(
			new SimulatedPaymentProperties(100_000));

	private final UUID order = UUID.randomUUID();

	@Test
	void approvesTheTestCardAndAnswersTheSameWhenAskedAgain() {
		Authorization first = this.provider.authorize(this.order, SimulatedPaymentProvider.APPROVE,
				new Money(4999, "EUR"));
		Authorization again = this.provider.authorize(this.order, SimulatedPaymentProvider.APPROVE,
				new Money(4999, "EUR"));
		assertThat(first.approved()).isTrue();
		assertThat(again).isEqualTo(first);
	}

	@Test
	void declinesTheDecliningCard() {
		assertThat(this.provider.authorize(this.order, SimulatedPaymentProvider.DECLINE, new Money(100, "EUR")))
			.isEqualTo(Authorization.declined("card_declined"));
	}

	@Test
	void declinesAnAmountAboveTheLimit() {
		assertThat(this.provider.authorize(this.order, SimulatedPaymentProvider.APPROVE, new Money(100_001, "EUR")))
			.isEqualTo(Authorization.declined("amount_limit_exceeded"));
		assertThat(this.provider.authorize(this.order, SimulatedPaymentProvider.APPROVE, new Money(100_000, "EUR"))
			.approved()).isTrue();
	}

	@Test
	void declinesAnUnknownPaymentMethod() {
		assertThat(this.provider.authorize(this.order, "tok_made_up", new Money(100, "EUR")))
			.isEqualTo(Authorization.declined("invalid_payment_method"));
	}

	@Test
	void doesNotAnswerForTheTimeOutCard() {
		assertThatThrownBy(
				() -> this.provider.authorize(this.order, SimulatedPaymentProvider.TIME_OUT, new Money(100, "EUR")))
			.isInstanceOf(PaymentUnavailableException.class);
	}

	@Test
	void capturesVoidsAndRefundsOnlyItsOwnAuthorizations() {
		String authorization = this.provider
			.authorize(this.order, SimulatedPaymentProvider.APPROVE, new Money(100, "EUR"))
			.authorizationId();
		assertThatNoException().isThrownBy(() -> {
			this.provider.capture(authorization, new Money(100, "EUR"));
			this.provider.refund(authorization, new Money(100, "EUR"));
			this.provider.voidAuthorization(authorization);
		});
		assertThatThrownBy(() -> this.provider.capture("ch_other", new Money(100, "EUR")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
