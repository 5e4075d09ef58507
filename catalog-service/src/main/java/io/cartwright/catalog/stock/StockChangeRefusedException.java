package io.cartwright.catalog.stock;

import io.cartwright.catalog.web.ConflictException;

/**
 * A stock change that would leave fewer units on hand than zero or than reserved: 409.
 */
class StockChangeRefusedException extends ConflictException {

	StockChangeRefusedException(String problem, String detail) {
		super(problem, detail);
	}

}
