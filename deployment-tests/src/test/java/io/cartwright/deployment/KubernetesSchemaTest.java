package io.cartwright.deployment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The schema check is strict: it would catch a misspelled field deep in a pod template, a
 * missing required field, and a kind it has no schema for.
 */
class KubernetesSchemaTest {

	@Test
	void acceptsTheGatewayDeploymentAsBuilt() {
		assertThatCode(() -> KubernetesSchema.validate(gateway())).doesNotThrowAnyException();
	}

	@Test
	void rejectsAMisspelledFieldDeepInsideAContainer() {
		Map<String, Object> deployment = gateway();
		Map<String, Object> container = Manifests.container(deployment);
		container.put("readinesProbe", container.remove("readinessProbe"));
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesSchema.validate(deployment))
			.withMessageContaining("readinesProbe");
	}

	@Test
	void rejectsAMissingRequiredField() {
		Map<String, Object> deployment = gateway();
		Manifests.container(deployment).remove("name");
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesSchema.validate(deployment))
			.withMessageContaining("name");
	}

	@Test
	void rejectsAKindItHasNoSchemaFor() {
		Map<String, Object> object = Map.of("apiVersion", "example.com/v1", "kind", "Widget", "metadata",
				Map.of("name", "w"));
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesSchema.validate(object))
			.withMessageContaining("No schema for example.com/v1/Widget");
	}

	/** A deep, mutable copy of the gateway's Deployment from the dev overlay. */
	private static Map<String, Object> gateway() {
		return deepCopy(Manifests.of("k8s/overlays/dev").get("Deployment", "gateway"));
	}

	@SuppressWarnings("unchecked")
	private static <T> T deepCopy(T value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new HashMap<>();
			map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			return (T) new java.util.ArrayList<>(list.stream().map(KubernetesSchemaTest::deepCopy).toList());
		}
		return value;
	}

}
