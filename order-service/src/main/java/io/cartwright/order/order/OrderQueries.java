package io.cartwright.order.order;

import java.util.UUID;

import io.cartwright.order.web.PageView;
import io.cartwright.order.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of orders: a customer sees only their own (anybody else's is "not found"), staff
 * sees all.
 */
@Service
@Transactional(readOnly = true)
class OrderQueries {

	private final OrderRepository orders;

	OrderQueries(OrderRepository orders) {
		this.orders = orders;
	}

	Order ofCustomer(UUID id, String customerId) {
		return this.orders.findByIdAndCustomerId(id, customerId)
			.orElseThrow(() -> new ResourceNotFoundException("order", id));
	}

	PageView<OrderView> listOfCustomer(String customerId, @Nullable OrderStatus status, int page, int size) {
		PageRequest request = PageRequest.of(page, size);
		return PageView
			.of((status != null) ? this.orders.findByCustomerIdAndStatusOrderByPlacedAtDesc(customerId, status, request)
					: this.orders.findByCustomerIdOrderByPlacedAtDesc(customerId, request), OrderView::of);
	}

	PageView<OrderView> listForStaff(@Nullable OrderStatus status, @Nullable String customerId, int page, int size) {
		return PageView.of(this.orders.findForStaff(status, customerId, PageRequest.of(page, size)), OrderView::of);
	}

}
