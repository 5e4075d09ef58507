package io.cartwright.kafka.outbox;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sends again, every {@code cartwright.kafka.outbox.resubmit-interval}, the outbox
 * publications Kafka has not acknowledged for longer than
 * {@code cartwright.kafka.outbox.resubmit-older-than} (a failed send, a crash between
 * commit and send), so that no event waits for a restart. Modulith resends on restart
 * too; this covers the time in between. Two instances may both resend one publication:
 * delivery is at least once, and the stable {@code ce_id} lets consumers drop the copy.
 */
class OutboxResubmission implements SchedulingConfigurer {

	private final IncompleteEventPublications incomplete;

	private final OutboxProperties properties;

	OutboxResubmission(IncompleteEventPublications incomplete, OutboxProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::resubmit, this.properties.resubmitInterval());
	}

	void resubmit() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.resubmitOlderThan());
	}

}
