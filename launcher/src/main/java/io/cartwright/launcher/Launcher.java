package io.cartwright.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./cartwright}: runs the whole platform on this machine until Ctrl-C;
 * {@code ./cartwright token} prints an access token from a running one.
 */
public final class Launcher {

	private static final Logger log = LoggerFactory.getLogger(Launcher.class);

	private Launcher() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			log.info(PlatformSettings.usage());
			log.info(TokenCommand.usage());
			return;
		}
		Path home = Arrays.stream(args)
			.filter((arg) -> arg.startsWith("--home="))
			.map((arg) -> Path.of(arg.substring("--home=".length())))
			.findFirst()
			.orElse(Path.of(""))
			.toAbsolutePath()
			.normalize();
		String[] rest = Arrays.stream(args).filter((arg) -> !arg.startsWith("--home=")).toArray(String[]::new);
		if (rest.length > 0 && rest[0].equals("token")) {
			try {
				System.exit(TokenCommand.run(home, Arrays.copyOfRange(rest, 1, rest.length), System.out));
			}
			catch (LaunchException ex) {
				System.err.println(ex.getMessage());
				System.exit(1);
			}
			return;
		}
		LocalPlatform platform;
		try {
			platform = LocalPlatform.start(PlatformSettings.parse(home, rest));
		}
		catch (LaunchException ex) {
			log.error(ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("Stopping Cartwright ...");
			platform.close();
			stopped.countDown();
		}, "cartwright-shutdown"));
		log.info(platform.summary());
		stopped.await();
	}

}
