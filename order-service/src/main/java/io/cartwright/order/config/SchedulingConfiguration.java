package io.cartwright.order.config;

import io.cartwright.order.order.OrderProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled jobs: the saga's deadline sweep and payment retry, the outbox
 * resubmission and the purge of expired idempotency keys; binds the saga's timing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OrderProperties.class)
class SchedulingConfiguration {

}
