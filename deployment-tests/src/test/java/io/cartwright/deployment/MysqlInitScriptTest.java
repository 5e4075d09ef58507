package io.cartwright.deployment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/mysql/init-schemas.sh (Compose and the dev overlay) creates the schema and the
 * user each service's datasource in config-repo names, grants each user its own schema
 * only, and quotes passwords safely. Run with bash against a stand-in {@code mysql} that
 * records the SQL.
 */
class MysqlInitScriptTest {

	/** Service, and the prefix of its {@code _DB_USER}/{@code _DB_PASSWORD} variables. */
	private static final Map<String, String> DATABASES = Map.of("catalog-service", "CATALOG", "cart-service", "CART",
			"order-service", "ORDER", "auth-server", "AUTH");

	private static final Map<String, String> PASSWORDS = Map.of("CATALOG", "c-secret", "CART", "k-secret", "ORDER",
			"o-secret", "AUTH", "a-secret");

	@Test
	void createsTheSchemaAndUserEachServiceConnectsWith(@TempDir Path temp) throws Exception {
		String sql = run(temp,
				Map.of("CATALOG_DB_PASSWORD", PASSWORDS.get("CATALOG"), "CART_DB_PASSWORD", PASSWORDS.get("CART"),
						"ORDER_DB_PASSWORD", PASSWORDS.get("ORDER"), "AUTH_DB_PASSWORD", PASSWORDS.get("AUTH")));
		assertThat(Pattern.compile("CREATE DATABASE").matcher(sql).results().count()).isEqualTo(4);
		DATABASES.forEach((service, prefix) -> {
			String config = Repository.read("config-server/config-repo/" + service + ".yml");
			Matcher url = Pattern.compile("url: jdbc:mysql://[^/]+/([a-z_]+)").matcher(config);
			assertThat(url.find()).as(service).isTrue();
			String schema = url.group(1);
			String user = ConfigRepo.variables(service, "docker").get(prefix + "_DB_USER").orElseThrow();
			assertThat(sql).as(service)
				.contains("CREATE DATABASE IF NOT EXISTS `" + schema + "`")
				.contains("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + PASSWORDS.get(prefix) + "';")
				.containsPattern("GRANT [A-Z, ]+ ON `" + schema + "`\\.\\* TO '" + user + "'@'%';");
		});
		assertThat(sql).doesNotContain("ON *.*").doesNotContain("ALL PRIVILEGES").doesNotContain("GRANT OPTION");
	}

	@Test
	void quotesPasswordsThatContainQuotesAndBackslashes(@TempDir Path temp) throws Exception {
		String sql = run(temp, Map.of("CATALOG_DB_PASSWORD", "it's a \\ test", "CART_DB_PASSWORD", "x",
				"ORDER_DB_PASSWORD", "x", "AUTH_DB_PASSWORD", "x"));
		assertThat(sql).contains("IDENTIFIED BY 'it''s a \\\\ test';");
	}

	@Test
	void refusesToRunWithoutAPassword(@TempDir Path temp) throws Exception {
		Process process = start(temp, Map.of("CATALOG_DB_PASSWORD", "x"));
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(temp.resolve("statements.sql")).doesNotExist();
	}

	private static String run(Path temp, Map<String, String> passwords) throws Exception {
		Process process = start(temp, passwords);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(Files.readString(temp.resolve("arguments"))).contains("--protocol=socket -uroot -proot-secret");
		return Files.readString(temp.resolve("statements.sql"));
	}

	private static Process start(Path temp, Map<String, String> passwords) throws Exception {
		Path bin = Files.createDirectories(temp.resolve("bin"));
		Path mysql = bin.resolve("mysql");
		Files.writeString(mysql, """
				#!/bin/bash
				# Stands in for the mysql client: keeps the arguments and the statements.
				cat > "%1$s/statements.sql.tmp" && mv "%1$s/statements.sql.tmp" "%1$s/statements.sql"
				echo "$@" > "%1$s/arguments"
				""".formatted(temp));
		Files.setPosixFilePermissions(mysql, PosixFilePermissions.fromString("rwxr-xr-x"));
		ProcessBuilder builder = new ProcessBuilder("bash", Repository.path("docker/mysql/init-schemas.sh").toString())
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.endsWith("_DB_PASSWORD"));
		builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
		builder.environment().put("MYSQL_ROOT_PASSWORD", "root-secret");
		builder.environment().putAll(passwords);
		return builder.start();
	}

}
