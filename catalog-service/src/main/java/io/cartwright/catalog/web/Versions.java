package io.cartwright.catalog.web;

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
	 * An entity tag for a representation that shows more than the entity's own state
	 * (fresh stock levels, the names of ancestors): the version, a dot and a fingerprint
	 * of the rest, {@code "3.5f2a9c"}. {@link #requireMatch} accepts it for version 3.
	 * @param version the entity's version
	 * @param fingerprint what else the representation depends on
	 * @return the strong entity tag
	 */
	public static String etag(long version, Object fingerprint) {
		return "\"" + version + "." + Integer.toHexString(fingerprint.hashCode()) + "\"";
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
			if (candidate.equals(expected) || candidate.startsWith("\"" + current + ".")) {
				return;
			}
		}
		throw new PreconditionFailedException(resource, ifMatch.trim(), current);
	}

}
