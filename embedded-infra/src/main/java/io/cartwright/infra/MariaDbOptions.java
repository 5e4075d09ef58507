package io.cartwright.infra;

import java.util.List;

/**
 * Server options shared by initialization and start.
 */
final class MariaDbOptions {

	private MariaDbOptions() {
	}

	/**
	 * Storage options, the same at initialization and at every start so that InnoDB never
	 * has to resize its files. A smaller redo log than the default 96 MiB keeps copies of
	 * the template quick.
	 * @return the options
	 */
	static List<String> storage() {
		return List.of("--innodb-log-file-size=32M");
	}

	/**
	 * mariadbd refuses to run as root unless told to; as any other user the option is not
	 * needed.
	 * @return the options
	 */
	static List<String> runAs() {
		return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
	}

	/**
	 * Options that make MariaDB 11.4 behave like MySQL 8.4 where the services can tell:
	 * the MySQL 8.4 default character set, collation and SQL mode (a server started
	 * without an option file would otherwise use latin1 and a laxer SQL mode).
	 * @return the options
	 */
	static List<String> mysqlCompatibility() {
		return List.of("--character-set-server=utf8mb4", "--collation-server=utf8mb4_0900_ai_ci",
				"--sql-mode=ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
						+ "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION");
	}

}
