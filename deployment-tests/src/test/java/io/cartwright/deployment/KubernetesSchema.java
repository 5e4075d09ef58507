package io.cartwright.deployment;

import java.util.Map;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict validation of an object against the Kubernetes 1.30 API, offline: the official
 * Java client's models (generated from the 1.30 OpenAPI document) refuse any field they
 * do not define, at every depth, and any missing required field, while reading the
 * object. A kind that is not listed here fails too, so nothing goes unchecked.
 */
final class KubernetesSchema {

	private static final Map<String, Class<?>> MODELS = Map.ofEntries(Map.entry("v1/Namespace", V1Namespace.class),
			Map.entry("v1/ServiceAccount", V1ServiceAccount.class), Map.entry("v1/Service", V1Service.class),
			Map.entry("v1/ConfigMap", V1ConfigMap.class), Map.entry("v1/Secret", V1Secret.class),
			Map.entry("apps/v1/Deployment", V1Deployment.class), Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
			Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
			Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class));

	private static final JsonMapper json = JsonMapper.builder().build();

	private KubernetesSchema() {
	}

	/**
	 * Reads an object as the API server's schema describes it.
	 * @param object a parsed manifest
	 * @return the typed object
	 * @throws IllegalArgumentException naming what the schema does not allow
	 */
	static Object validate(Map<String, Object> object) {
		String type = object.get("apiVersion") + "/" + object.get("kind");
		Class<?> model = MODELS.get(type);
		if (model == null) {
			throw new IllegalArgumentException("No schema for " + type + " (add its model to KubernetesSchema)");
		}
		Object typed = JSON.deserialize(json.writeValueAsString(object), model);
		if (typed == null) {
			throw new IllegalArgumentException("Empty " + type);
		}
		return typed;
	}

}
