package io.cartwright.catalog.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit trail is kept.
 *
 * @param retention how long an audit event is kept before it is deleted
 * @param purgeInterval how often old events are looked for
 * @param purgeBatchSize how many rows one delete statement removes at most
 */
@ConfigurationProperties("cartwright.audit")
record AuditProperties(@DefaultValue("400d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("1000") int purgeBatchSize) {

}
