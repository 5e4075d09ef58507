package io.cartwright.order.web;

/**
 * Entity versions as HTTP entity tags: version 3 is the strong ETag {@code "3"}.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

}
