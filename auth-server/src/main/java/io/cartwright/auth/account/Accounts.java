package io.cartwright.auth.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code account} table.
 */
@Repository
@Transactional(readOnly = true)
public class Accounts {

	private static final String COLUMNS = "id, email, name, password_hash, role, created_at";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds an account by its id.
	 * @param id the account id (a token's subject)
	 * @return the account, if there is one
	 */
	public Optional<Account> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
			.param("id", id)
			.query(Accounts::map)
			.optional();
	}

	/**
	 * Finds an account by its email.
	 * @param email the normalized email
	 * @return the account, if there is one
	 */
	public Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE email = :email")
			.param("email", email)
			.query(Accounts::map)
			.optional();
	}

	/**
	 * Stores a new account.
	 * @param account the account
	 * @throws org.springframework.dao.DuplicateKeyException if its email is taken
	 */
	@Transactional
	public void insert(Account account) {
		this.jdbc
			.sql("INSERT INTO account (" + COLUMNS + ") VALUES (:id, :email, :name, :passwordHash, :role, :createdAt)")
			.param("id", account.id())
			.param("email", account.email())
			.param("name", account.name())
			.param("passwordHash", account.passwordHash())
			.param("role", account.role().name())
			.param("createdAt", Timestamp.from(account.createdAt()))
			.update();
	}

	private static Account map(ResultSet row, int rowNumber) throws SQLException {
		return new Account(row.getString("id"), row.getString("email"), row.getString("name"),
				row.getString("password_hash"), Role.valueOf(row.getString("role")),
				row.getTimestamp("created_at").toInstant());
	}

}
