package io.cartwright.order.web;

/** The resource a request names does not exist (or is not visible to the caller): 404. */
public class ResourceNotFoundException extends RuntimeException {

	private final String resource;

	public ResourceNotFoundException(String resource, Object id) {
		super("No " + resource + " " + id);
		this.resource = resource;
	}

	public String resource() {
		return this.resource;
	}

}
