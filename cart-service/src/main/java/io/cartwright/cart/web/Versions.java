package io.cartwright.cart.web;

import org.jspecify.annotations.Nullable;

/**
 * Entity versions as HTTP entity tags: version 3 is the strong ETag {@code "3"}.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Checks an {@code If-Match} header against the current version.
	 * @param resource what is being changed, for the message
	 * @param ifMatch the header's value, or {@code null} when the client sent none (then
	 * anything goes; optimistic locking still guards concurrent writes)
	 * @param current the current version
	 * @throws PreconditionFailedException when the header names another version
	 */
	public static void requireMatch(String resource, @Nullable String ifMatch, long current) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return;
		}
		String expected = etag(current);
		for (String tag : ifMatch.split(",")) {
			String candidate = tag.trim();
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if (candidate.equals(expected)) {
				return;
			}
		}
		throw new PreconditionFailedException(resource, ifMatch.trim(), current);
	}

}
