package io.cartwright.launcher;

import java.nio.file.Path;

/**
 * One Spring Boot module of the platform as the launcher runs it.
 *
 * @param name the module's name, which is also its {@code spring.application.name}
 * @param port the HTTP port it listens on
 */
record ServiceSpec(String name, int port) {

	/**
	 * Where the build puts the module's executable jar.
	 * @param home the repository's root directory
	 * @return the jar's path
	 */
	Path jar(Path home) {
		return home.resolve(this.name).resolve("target").resolve(this.name + ".jar");
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

}
