package io.cartwright.infra.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MySqlJdbcUrlTest {

	@Test
	void takesTheSchemaFromTheUrl() {
		assertThat(MySqlJdbcUrl.parse("jdbc:mysql://localhost:3306/catalog?x=y").schema()).isEqualTo("catalog");
	}

	@Test
	void pointsAtAnotherServerKeepingSchemaAndQueryParameters() {
		MySqlJdbcUrl url = MySqlJdbcUrl.parse("jdbc:mysql://mysql.prod:3306/orders?sslMode=REQUIRED&a=b");

		assertThat(url.withServer("127.0.0.1", 40123))
			.isEqualTo("jdbc:mysql://127.0.0.1:40123/orders?sslMode=REQUIRED&a=b");
	}

	@Test
	void acceptsUrlsWithoutPortOrParameters() {
		assertThat(MySqlJdbcUrl.parse("jdbc:mysql://localhost/cart").withServer("127.0.0.1", 1))
			.isEqualTo("jdbc:mysql://127.0.0.1:1/cart");
	}

	@Test
	void keepsTheMariaDbScheme() {
		assertThat(MySqlJdbcUrl.parse("jdbc:mariadb://localhost:3306/identity").withServer("127.0.0.1", 2))
			.isEqualTo("jdbc:mariadb://127.0.0.1:2/identity");
	}

	@Test
	void rejectsUrlsWithoutSchema() {
		assertThatIllegalArgumentException().isThrownBy(() -> MySqlJdbcUrl.parse("jdbc:mysql://localhost:3306/"))
			.withMessageContaining("spring.datasource.url");
	}

	@Test
	void rejectsOtherDatabases() {
		assertThatIllegalArgumentException().isThrownBy(() -> MySqlJdbcUrl.parse("jdbc:h2:mem:catalog"))
			.withMessageContaining("jdbc:h2:mem:catalog");
	}

}
