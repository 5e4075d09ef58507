package io.cartwright.launcher;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./cartwright token}: signs a user in against a running platform and prints the
 * access token, alone on standard output, for {@code curl -H "Authorization: Bearer
 * $(./cartwright token)"}. Signs in as the demo customer by default, as the first staff
 * account with {@code --staff}, or as anybody with {@code --user=EMAIL} (the password
 * from {@code CARTWRIGHT_PASSWORD} or asked for).
 */
final class TokenCommand {

	/** The public client registered for terminals (a loopback redirect, RFC 8252). */
	static final String CLIENT_ID = "cartwright-cli";

	static final String REDIRECT_URI = "http://127.0.0.1/callback";

	private TokenCommand() {
	}

	static String usage() {
		return """
				Usage: ./cartwright token [--staff | --user=EMAIL] [--issuer=URL] [--data-dir=DIR]
				  prints an access token for the demo customer (default), the first staff account
				  (--staff) or EMAIL (password from CARTWRIGHT_PASSWORD, or asked for)
				  --issuer    default http://localhost:8080/api/auth (auth-server behind the gateway)
				  --data-dir  where the local run keeps its data and secrets (default: .cartwright/)""";
	}

	/**
	 * Runs the command.
	 * @param home the repository's root directory
	 * @param args the arguments after {@code token}
	 * @param out where the token goes
	 * @return the exit code
	 */
	static int run(Path home, String[] args, PrintStream out) {
		String issuer = PlatformSettings.defaults(home).issuer();
		Path dataDir = PlatformSettings.defaults(home).dataDir();
		String user = null;
		boolean staff = false;
		for (String arg : args) {
			if (arg.equals("--staff")) {
				staff = true;
			}
			else if (arg.startsWith("--user=")) {
				user = arg.substring("--user=".length());
			}
			else if (arg.startsWith("--issuer=")) {
				issuer = arg.substring("--issuer=".length());
			}
			else if (arg.startsWith("--data-dir=")) {
				dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
			}
			else {
				throw new LaunchException("Unknown argument '" + arg + "'.\n" + usage());
			}
		}
		String email;
		String password;
		if (user != null) {
			email = user;
			password = passwordFor(user);
		}
		else {
			if (!Files.exists(dataDir.resolve("local-secrets.properties"))) {
				throw new LaunchException("No local run in " + dataDir + ": start it with ./cartwright first, or use"
						+ " --user=EMAIL against another platform.");
			}
			LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir);
			email = staff ? LocalSecrets.STAFF_EMAIL : LocalSecrets.DEMO_EMAIL;
			password = staff ? secrets.staffPassword() : secrets.demoPassword();
		}
		try {
			out.println(new PkceSignIn(issuer, CLIENT_ID, REDIRECT_URI).signIn(email, password).accessToken());
			return 0;
		}
		catch (PkceSignIn.SignInException ex) {
			throw new LaunchException(ex.getMessage(), ex);
		}
	}

	private static String passwordFor(String user) {
		String password = System.getenv("CARTWRIGHT_PASSWORD");
		if (password != null && !password.isEmpty()) {
			return password;
		}
		Console console = System.console();
		if (console == null) {
			throw new LaunchException("Set CARTWRIGHT_PASSWORD to " + user + "'s password (no terminal to ask on).");
		}
		return new String(console.readPassword("Password for %s: ", user));
	}

}
