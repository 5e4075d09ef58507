package io.cartwright.order.payment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment provider: the simulator unless a real provider's adapter is a bean of its
 * own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatedPaymentProperties.class)
class PaymentConfiguration {

	@Bean
	@ConditionalOnMissingBean(PaymentProvider.class)
	SimulatedPaymentProvider simulatedPaymentProvider(SimulatedPaymentProperties properties) {
		return new SimulatedPaymentProvider(properties);
	}

}
