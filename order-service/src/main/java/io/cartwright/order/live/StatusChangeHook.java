package io.cartwright.order.live;

import io.cartwright.order.order.Order;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Notices every status change, whichever code path made it (checkout, saga, sweep,
 * cancellation, shipping): each one inserts or updates the {@link Order} row and appends
 * to its history, and JPA calls this listener right after. The streams hear of it once
 * the transaction commits. Instantiated by Hibernate through Spring, which supplies the
 * provider; in a context without the live streams (a JPA slice test) it does nothing.
 */
public class StatusChangeHook {

	private final ObjectProvider<StatusChanges> changes;

	public StatusChangeHook(ObjectProvider<StatusChanges> changes) {
		this.changes = changes;
	}

	@PostPersist
	@PostUpdate
	void changed(Order order) {
		StatusChanges live = this.changes.getIfAvailable();
		if (live != null) {
			live.recorded(order.id(), order.customerId(), order.history().size());
		}
	}

}
