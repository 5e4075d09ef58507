package io.cartwright.infra;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.cartwright.infra.test.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMariaDbIT {

	@Test
	void keepsRowsAcrossRestartOnPersistentDataDir(@TempDir Path dataDir) throws SQLException {
		try (EmbeddedMariaDb db = EmbeddedMariaDb.builder().dataDir(dataDir).start()) {
			db.createDatabaseWithUser("persisted", "persisted", "secret");
			try (Connection connection = connect(db, "persisted", "persisted", "secret");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20) NOT NULL)");
				statement.execute("INSERT INTO note VALUES (1, 'kept')");
			}
		}
		try (EmbeddedMariaDb db = EmbeddedMariaDb.builder().dataDir(dataDir).start();
				Connection connection = connect(db, "persisted", "persisted", "secret")) {
			assertThat(queryString(connection, "SELECT text FROM note WHERE id = 1")).isEqualTo("kept");
		}
	}

	@Test
	void schemaUserCannotReadAnotherSchema() throws SQLException {
		EmbeddedMariaDb db = SharedInfrastructure.mariaDb();
		db.createDatabaseWithUser("privilege_a", "privilege_a", "secret-a");
		// "privilege_a" would match this name too if the "_" in the GRANT were not
		// escaped.
		db.createDatabaseWithUser("privilegexa", "privilegexa", "secret-b");
		try (Connection connection = connect(db, "privilegexa", "privilegexa", "secret-b");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS secret (id INT PRIMARY KEY)");
		}
		try (Connection connection = connect(db, "privilege_a", "privilege_a", "secret-a");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS own (id INT PRIMARY KEY)");
			assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM privilegexa.secret"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("denied");
			assertThat(queryString(connection,
					"SELECT GROUP_CONCAT(schema_name ORDER BY schema_name) "
							+ "FROM information_schema.schemata WHERE schema_name LIKE 'privilege%'"))
				.isEqualTo("privilege_a");
		}
	}

	@Test
	void createsDatabaseWithUserIdempotentlyAndResetsThePassword() throws SQLException {
		EmbeddedMariaDb db = SharedInfrastructure.mariaDb();
		db.createDatabaseWithUser("idempotent", "idempotent", "first");
		db.createDatabaseWithUser("idempotent", "idempotent", "second");
		try (Connection connection = connect(db, "idempotent", "idempotent", "second")) {
			assertThat(queryString(connection, "SELECT DATABASE()")).isEqualTo("idempotent");
		}
	}

	@Test
	void acceptsRootOverTcpAndBehavesLikeMySql84() throws SQLException {
		EmbeddedMariaDb db = SharedInfrastructure.mariaDb();
		db.createDatabaseWithUser("compat", "compat", "compat");
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl("compat"), EmbeddedMariaDb.ADMIN_USER,
				db.adminPassword())) {
			assertThat(queryString(connection, "SELECT VERSION()")).startsWith("11.4.5-MariaDB");
			assertThat(queryString(connection, "SELECT CURRENT_USER()")).isEqualTo("root@127.0.0.1");
			assertThat(queryString(connection, "SELECT @@character_set_database")).isEqualTo("utf8mb4");
			assertThat(queryString(connection, "SELECT @@collation_database")).isEqualTo("utf8mb4_0900_ai_ci");
			assertThat(queryString(connection, "SELECT @@sql_mode")).contains("ONLY_FULL_GROUP_BY",
					"STRICT_TRANS_TABLES");
		}
	}

	@Test
	void failsClearlyWhenThePortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			assertThatThrownBy(() -> EmbeddedMariaDb.builder().port(taken.getLocalPort()).start())
				.isInstanceOf(PortInUseException.class)
				.hasMessageContaining("MariaDB")
				.hasMessageContaining("port " + taken.getLocalPort());
		}
	}

	@Test
	void refusesNamesThatCouldInjectSql() {
		EmbeddedMariaDb db = SharedInfrastructure.mariaDb();
		assertThatThrownBy(() -> db.createDatabaseWithUser("x`; DROP DATABASE mysql; --", "x", "x"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Connection connect(EmbeddedMariaDb db, String schema, String user, String password)
			throws SQLException {
		return DriverManager.getConnection(db.jdbcUrl(schema), user, password);
	}

	private static String queryString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
