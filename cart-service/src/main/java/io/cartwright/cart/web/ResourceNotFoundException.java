package io.cartwright.cart.web;

/** The resource a request names does not exist (or is not visible to the caller): 404. */
public class ResourceNotFoundException extends RuntimeException {

	public ResourceNotFoundException(String resource, Object id) {
		super("No " + resource + " " + id);
	}

}
