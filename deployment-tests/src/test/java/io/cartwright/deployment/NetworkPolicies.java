package io.cartwright.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;

/**
 * Kubernetes NetworkPolicy semantics inside one namespace, enough to answer "may pod A
 * open a connection to pod B on port P?": a pod selected by no policy of a direction is
 * open in that direction; once selected, only what some rule allows gets through, and a
 * connection needs both the source's egress and the target's ingress. Peers are matched
 * by pod labels ({@code matchLabels}, {@code matchExpressions} with
 * In/NotIn/Exists/DoesNotExist); a peer with a namespaceSelector or an ipBlock never
 * matches a pod of this namespace.
 *
 * @param policies the NetworkPolicies of a build
 * @param workloads the Deployments and StatefulSets of the same build
 */
record NetworkPolicies(List<Map<String, Object>> policies, List<Map<String, Object>> workloads) {

	static NetworkPolicies of(Manifests manifests) {
		return new NetworkPolicies(manifests.ofKind("NetworkPolicy"), manifests.workloads());
	}

	/**
	 * Every connection between workloads that the policies allow, as "source ->
	 * target:port".
	 */
	Set<String> allowedConnections() {
		Set<String> allowed = new TreeSet<>();
		for (Map<String, Object> source : this.workloads) {
			for (Map<String, Object> target : this.workloads) {
				if (source == target) {
					continue;
				}
				for (int port : ports(target)) {
					if (allows(source, target, port)) {
						allowed.add(Manifests.name(source) + " -> " + Manifests.name(target) + ":" + port);
					}
				}
			}
		}
		return allowed;
	}

	boolean allows(Map<String, Object> source, Map<String, Object> target, int port) {
		return direction(source, "Egress", "egress", "to", target, port)
				&& direction(target, "Ingress", "ingress", "from", source, port);
	}

	/** Whether a policy opens a workload to, or from, something outside the namespace. */
	List<String> externalPeers(Map<String, Object> workload, String rules, String peers) {
		List<String> external = new ArrayList<>();
		for (Map<String, Object> policy : selecting(workload)) {
			for (Object rule : list(at(policy, "spec", rules))) {
				Object peerList = map(rule).get(peers);
				if (peerList == null || list(peerList).isEmpty()) {
					external.add(Manifests.name(policy) + ": any peer");
				}
				for (Object peer : list(peerList)) {
					if (map(peer).containsKey("namespaceSelector") || map(peer).containsKey("ipBlock")) {
						external.add(Manifests.name(policy) + ": " + peer);
					}
				}
			}
		}
		return external;
	}

	List<Map<String, Object>> selecting(Map<String, Object> workload) {
		return this.policies.stream()
			.filter((policy) -> matches(map(at(policy, "spec", "podSelector")), Manifests.podLabels(workload)))
			.toList();
	}

	private boolean direction(Map<String, Object> pod, String type, String rules, String peers,
			Map<String, Object> other, int port) {
		List<Map<String, Object>> isolating = selecting(pod).stream()
			.filter((policy) -> list(at(policy, "spec", "policyTypes")).contains(type))
			.toList();
		if (isolating.isEmpty()) {
			return true;
		}
		for (Map<String, Object> policy : isolating) {
			for (Object rule : list(at(policy, "spec", rules))) {
				Map<String, Object> r = map(rule);
				Map<String, Object> portOwner = type.equals("Egress") ? other : pod;
				if (peerMatches(r.get(peers), other) && portMatches(r.get("ports"), portOwner, port)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean peerMatches(Object peers, Map<String, Object> other) {
		if (peers == null || list(peers).isEmpty()) {
			return true;
		}
		for (Object peer : list(peers)) {
			Map<String, Object> p = map(peer);
			if (p.containsKey("podSelector") && !p.containsKey("namespaceSelector") && !p.containsKey("ipBlock")
					&& matches(map(p.get("podSelector")), Manifests.podLabels(other))) {
				return true;
			}
		}
		return false;
	}

	private static boolean portMatches(Object ports, Map<String, Object> target, int port) {
		if (ports == null || list(ports).isEmpty()) {
			return true;
		}
		for (Object entry : list(ports)) {
			Object wanted = map(entry).get("port");
			if (wanted == null) {
				return true;
			}
			for (Map<String, Object> container : Manifests.containers(target)) {
				Optional<Integer> resolved = Manifests.containerPort(container, wanted);
				if (resolved.isPresent() && resolved.get() == port) {
					return true;
				}
			}
			if (String.valueOf(wanted).equals(String.valueOf(port))) {
				return true;
			}
		}
		return false;
	}

	static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
		for (Map.Entry<String, Object> label : map(selector.get("matchLabels")).entrySet()) {
			if (!String.valueOf(label.getValue()).equals(labels.get(label.getKey()))) {
				return false;
			}
		}
		for (Object entry : list(selector.get("matchExpressions"))) {
			Map<String, Object> expression = map(entry);
			String value = labels.get(String.valueOf(expression.get("key")));
			List<Object> values = list(expression.get("values"));
			boolean ok = switch (String.valueOf(expression.get("operator"))) {
				case "In" -> value != null && values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new IllegalArgumentException("Unknown operator in " + expression);
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static List<Integer> ports(Map<String, Object> workload) {
		List<Integer> ports = new ArrayList<>();
		for (Map<String, Object> container : Manifests.containers(workload)) {
			for (Object port : list(container.get("ports"))) {
				ports.add(((Number) map(port).get("containerPort")).intValue());
			}
		}
		return ports;
	}

}
