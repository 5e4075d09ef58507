package io.cartwright.infra.test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:mysql://} (or {@code jdbc:mariadb://}) URL taken apart into what the
 * embedded MariaDB needs: the schema, and the query parameters to keep.
 *
 * @param scheme {@code mysql} or {@code mariadb}
 * @param schema the schema (database) name
 * @param query the query string including its {@code ?}, or an empty string
 */
record MySqlJdbcUrl(String scheme, String schema, String query) {

	private static final Pattern URL = Pattern.compile("jdbc:(mysql|mariadb)://[^/?]*/([^/?;]+)(\\?.*)?");

	/**
	 * Parses a URL such as {@code jdbc:mysql://localhost:3306/catalog?sslMode=DISABLED}.
	 * @param url the URL
	 * @return its parts
	 * @throws IllegalArgumentException if it is not a MySQL URL naming a schema
	 */
	static MySqlJdbcUrl parse(String url) {
		Matcher matcher = URL.matcher(url.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"@EmbeddedInfrastructure needs " + EmbeddedInfrastructureContextCustomizer.DATASOURCE_URL
							+ " to be a jdbc:mysql://host:port/schema URL naming the schema, but it is '" + url + "'");
		}
		String query = matcher.group(3);
		return new MySqlJdbcUrl(matcher.group(1), matcher.group(2), (query != null) ? query : "");
	}

	/**
	 * Returns the same URL pointing at another server.
	 * @param host the server's host
	 * @param port the server's port
	 * @return the URL
	 */
	String withServer(String host, int port) {
		return "jdbc:" + this.scheme + "://" + host + ":" + port + "/" + this.schema + this.query;
	}

}
