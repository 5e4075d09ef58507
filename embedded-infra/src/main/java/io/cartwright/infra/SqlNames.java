package io.cartwright.infra;

import java.util.regex.Pattern;

/**
 * Checks and quotes the names and passwords that go into administrative SQL.
 */
final class SqlNames {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");

	private SqlNames() {
	}

	/**
	 * Checks a schema or user name: letters, digits and underscores, at most 32
	 * characters (MySQL's limit for user names).
	 * @param kind what the name is, for the error message
	 * @param name the name
	 * @return the name
	 */
	static String requireName(String kind, String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					kind + " name must be 1 to 32 letters, digits or underscores, but was '" + name + "'");
		}
		return name;
	}

	/**
	 * Returns the schema name as a quoted identifier for a database-level {@code GRANT},
	 * where {@code _} is a wildcard unless escaped.
	 * @param schema a checked schema name
	 * @return the quoted, escaped identifier
	 */
	static String grantTarget(String schema) {
		return "`" + schema.replace("_", "\\_") + "`";
	}

	/**
	 * Returns a string literal.
	 * @param value the value
	 * @return the quoted, escaped literal
	 */
	static String literal(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

}
