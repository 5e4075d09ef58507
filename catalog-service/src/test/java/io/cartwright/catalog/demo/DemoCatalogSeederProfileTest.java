package io.cartwright.catalog.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalog is seeded by the launcher's {@code local} profile and by the
 * {@code demo} profile that Docker Compose adds on request, never by a deployment's
 * profile alone.
 */
class DemoCatalogSeederProfileTest {

	@Test
	void seedsWithTheLocalProfile() {
		assertThat(seederRegisteredWith("local")).isTrue();
	}

	@Test
	void seedsWhenTheDemoProfileIsAddedToDocker() {
		assertThat(seederRegisteredWith("docker", "demo")).isTrue();
	}

	@Test
	void doesNotSeedWithTheDockerOrKubernetesProfileAlone() {
		assertThat(seederRegisteredWith("docker")).isFalse();
		assertThat(seederRegisteredWith("k8s")).isFalse();
		assertThat(seederRegisteredWith()).isFalse();
	}

	private static boolean seederRegisteredWith(String... profiles) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
		new AnnotatedBeanDefinitionReader(registry, environment).register(DemoCatalogSeeder.class);
		return registry.getBeanNamesForType(DemoCatalogSeeder.class).length == 1;
	}

}
