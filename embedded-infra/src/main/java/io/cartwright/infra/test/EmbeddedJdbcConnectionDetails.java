package io.cartwright.infra.test;

import io.cartwright.infra.EmbeddedMariaDb;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Points the test's DataSource at a schema of the shared embedded MariaDB.
 *
 * @param getJdbcUrl the JDBC URL of the schema on the embedded server
 * @param getUsername the schema's user
 * @param getPassword the user's password
 */
record EmbeddedJdbcConnectionDetails(String getJdbcUrl, String getUsername,
		String getPassword) implements JdbcConnectionDetails {

	static final String BEAN_NAME = "embeddedInfrastructureJdbcConnectionDetails";

	/**
	 * Registers the lazy bean for the schema named in the configured URL.
	 * @param registry the registry
	 * @param configuredUrl the configured {@code spring.datasource.url}
	 */
	static void register(BeanDefinitionRegistry registry, String configuredUrl) {
		MySqlJdbcUrl url = MySqlJdbcUrl.parse(configuredUrl);
		RootBeanDefinition definition = new RootBeanDefinition(JdbcConnectionDetails.class, () -> forSchemaOf(url));
		definition.setLazyInit(true);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

	private static EmbeddedJdbcConnectionDetails forSchemaOf(MySqlJdbcUrl url) {
		EmbeddedMariaDb mariaDb = SharedInfrastructure.mariaDb();
		String schema = url.schema();
		mariaDb.createDatabaseWithUser(schema, schema, schema);
		return new EmbeddedJdbcConnectionDetails(url.withServer("127.0.0.1", mariaDb.port()), schema, schema);
	}

	@Override
	public String toString() {
		return "EmbeddedJdbcConnectionDetails[" + this.getJdbcUrl + " as " + this.getUsername + "]";
	}

}
