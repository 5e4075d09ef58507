package io.cartwright.infra.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@EmbeddedInfrastructure
class JdbcSliceIT {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void keepsTheEmbeddedMariaDbInsteadOfAnInMemoryDatabase() {
		assertThat(this.jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Integer.class)).isEqualTo(1);
	}

}
