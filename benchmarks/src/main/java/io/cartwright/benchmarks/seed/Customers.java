package io.cartwright.benchmarks.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.cartwright.launcher.LocalSecrets;
import io.cartwright.launcher.PkceSignIn;

/**
 * Signs customers up through the gateway and signs each in as the web storefront does
 * (authorization code + PKCE), so that the scenarios carry real access tokens. Sign-up
 * and sign-in both hash a password on purpose (bcrypt), so this takes a while and is done
 * once, before any scenario is measured.
 */
public final class Customers {

	/** The storefront's public client, as in the e2e tests. */
	private static final String CLIENT = "storefront-web";

	private static final String REDIRECT = "http://localhost:3000/callback";

	private final String gateway;

	private final String issuer;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Customers of one running platform.
	 * @param gateway the gateway's base URL
	 * @param issuer the token issuer
	 */
	public Customers(String gateway, String issuer) {
		this.gateway = gateway;
		this.issuer = issuer;
	}

	/**
	 * One signed-in customer.
	 *
	 * @param email the email
	 * @param token an access token
	 */
	public record Customer(String email, String token) {
	}

	/**
	 * Signs {@code count} new customers up and in, and writes them to {@code csv}.
	 * @param prefix the start of their emails, such as {@code checkout}
	 * @param count how many
	 * @param csv the file the simulations read ({@code email,token})
	 * @param progress where to report progress
	 * @return the customers
	 */
	public List<Customer> create(String prefix, int count, Path csv, Consumer<String> progress) {
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<Future<Customer>> pending = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (int n = 0; n < count; n++) {
				String email = "%s-%s-%d@bench.cartwright.example".formatted(prefix, run, n);
				pending.add(pool.submit(() -> signUpAndIn(email)));
			}
		}
		List<Customer> customers = new ArrayList<>();
		for (Future<Customer> customer : pending) {
			customers.add(Futures.get(customer));
		}
		try (Writer out = Files.newBufferedWriter(csv)) {
			out.write("email,token\n");
			for (Customer customer : customers) {
				out.write(customer.email() + "," + customer.token() + "\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		progress.accept("%d %s customers signed up and in".formatted(count, prefix));
		return customers;
	}

	/**
	 * Signs the local run's first staff account in.
	 * @param password its password, from the local run's secrets
	 * @return an access token with the {@code STAFF} role
	 */
	public String staffToken(String password) {
		return new PkceSignIn(this.issuer, CLIENT, REDIRECT).signIn(LocalSecrets.STAFF_EMAIL, password).accessToken();
	}

	private Customer signUpAndIn(String email) throws IOException, InterruptedException {
		String password = "benchmark password " + email.hashCode();
		String body = "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Bench Shopper\"}".formatted(email, password);
		HttpResponse<String> created = this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/auth/signup"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException(
					"Sign-up of " + email + " answered " + created.statusCode() + ": " + created.body());
		}
		PkceSignIn.Tokens tokens = new PkceSignIn(this.issuer, CLIENT, REDIRECT).signIn(email, password);
		return new Customer(email, tokens.accessToken());
	}

}
