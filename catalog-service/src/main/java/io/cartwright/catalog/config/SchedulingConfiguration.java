package io.cartwright.catalog.config;

import io.cartwright.catalog.stock.ReservationProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled jobs (reservation expiry, outbox resubmission) and binds the
 * reservation settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReservationProperties.class)
class SchedulingConfiguration {

}
