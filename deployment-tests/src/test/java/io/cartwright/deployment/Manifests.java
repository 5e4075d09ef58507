package io.cartwright.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;

/**
 * The objects of a kustomize build, with the look-ups the checks need.
 *
 * @param objects the objects, in the order kustomize emitted them
 */
record Manifests(List<Map<String, Object>> objects) {

	static Manifests of(String kustomization) {
		return new Manifests(Kustomize.build(kustomization));
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter((object) -> name.equals(name(object))).findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError("No " + kind + " " + name));
	}

	/** Deployments and StatefulSets. */
	List<Map<String, Object>> workloads() {
		List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
		workloads.addAll(ofKind("StatefulSet"));
		return workloads;
	}

	/**
	 * A generated ConfigMap or Secret by the name it was generated with (kustomize adds a
	 * hash suffix).
	 */
	Optional<Map<String, Object>> generated(String kind, String name) {
		return ofKind(kind).stream().filter((object) -> name(object).matches(name + "(-[a-z0-9]{10})?")).findFirst();
	}

	static String name(Map<String, Object> object) {
		return String.valueOf(at(object, "metadata", "name"));
	}

	static Map<String, Object> podSpec(Map<String, Object> workload) {
		return map(at(workload, "spec", "template", "spec"));
	}

	static Map<String, String> podLabels(Map<String, Object> workload) {
		Map<String, String> labels = new LinkedHashMap<>();
		map(at(workload, "spec", "template", "metadata", "labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
		return labels;
	}

	static List<Map<String, Object>> containers(Map<String, Object> workload) {
		return list(podSpec(workload).get("containers")).stream().map(Repository::map).toList();
	}

	/** The one container of a service's pod. */
	static Map<String, Object> container(Map<String, Object> workload) {
		List<Map<String, Object>> containers = containers(workload);
		if (containers.size() != 1) {
			throw new AssertionError(name(workload) + " has " + containers.size() + " containers, not one");
		}
		return containers.get(0);
	}

	/** A container's port by name or number. */
	static Optional<Integer> containerPort(Map<String, Object> container, Object port) {
		for (Object entry : list(container.get("ports"))) {
			Map<String, Object> candidate = map(entry);
			if (port.equals(candidate.get("name"))
					|| String.valueOf(port).equals(String.valueOf(candidate.get("containerPort")))) {
				return Optional.of(((Number) candidate.get("containerPort")).intValue());
			}
		}
		return Optional.empty();
	}

	/**
	 * The variables a container sets, by name: literal values, or where they come from.
	 */
	static Map<String, Map<String, Object>> env(Map<String, Object> container) {
		Map<String, Map<String, Object>> env = new LinkedHashMap<>();
		for (Object entry : list(container.get("env"))) {
			Map<String, Object> variable = map(entry);
			env.put(String.valueOf(variable.get("name")), variable);
		}
		return env;
	}

	/**
	 * The value a container's variable has, following configMapKeyRef into this build's
	 * ConfigMaps; empty for a Secret or an unset variable.
	 */
	Optional<String> value(Map<String, Object> container, String variable) {
		Map<String, Object> entry = env(container).get(variable);
		if (entry != null) {
			if (entry.containsKey("value")) {
				return Optional.of(String.valueOf(entry.get("value")));
			}
			Map<String, Object> ref = map(at(entry, "valueFrom", "configMapKeyRef"));
			if (!ref.isEmpty()) {
				return find("ConfigMap", String.valueOf(ref.get("name")))
					.map((configMap) -> map(configMap.get("data")).get(String.valueOf(ref.get("key"))))
					.map(String::valueOf);
			}
			return Optional.empty();
		}
		for (Object source : list(container.get("envFrom"))) {
			String configMap = String.valueOf(at(source, "configMapRef", "name"));
			Optional<Object> value = find("ConfigMap", configMap).map((cm) -> map(cm.get("data")).get(variable));
			if (value.isPresent()) {
				return value.map(String::valueOf);
			}
		}
		return Optional.empty();
	}

	/**
	 * Every variable a container gets: its env entries and the keys of its envFrom maps.
	 */
	List<String> variableNames(Map<String, Object> container) {
		List<String> names = new ArrayList<>(env(container).keySet());
		for (Object source : list(container.get("envFrom"))) {
			String configMap = String.valueOf(at(source, "configMapRef", "name"));
			names.addAll(map(get("ConfigMap", configMap).get("data")).keySet());
		}
		return names;
	}

}
