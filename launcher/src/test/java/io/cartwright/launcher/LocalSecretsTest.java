package io.cartwright.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSecretsTest {

	@TempDir
	Path dataDir;

	@Test
	void madeUpOnceThenTheSameOnEveryStartAndReadableByTheOwnerOnly() throws Exception {
		LocalSecrets first = LocalSecrets.loadOrCreate(this.dataDir);
		LocalSecrets again = LocalSecrets.loadOrCreate(this.dataDir);
		assertThat(again).isEqualTo(first);
		assertThat(first.staffPassword()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(first.demoPassword());
		Path file = this.dataDir.resolve("local-secrets.properties");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void handsEverySecretToTheServicesAndNeverPrintsThem() {
		LocalSecrets secrets = LocalSecrets.loadOrCreate(this.dataDir);
		assertThat(secrets.environment()).containsEntry("AUTH_STAFF_EMAIL", LocalSecrets.STAFF_EMAIL)
			.containsEntry("AUTH_STAFF_PASSWORD", secrets.staffPassword())
			.containsEntry("AUTH_DEMO_PASSWORD", secrets.demoPassword())
			.containsEntry("ORDER_CLIENT_SECRET", secrets.orderClientSecret())
			.containsEntry("AUTOMATION_CLIENT_SECRET", secrets.automationClientSecret())
			.containsEntry("AUTH_KEY_PASSWORD", secrets.keyPassword());
		assertThat(secrets.toString()).doesNotContain(secrets.staffPassword());
	}

}
