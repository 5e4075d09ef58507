package io.cartwright.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scrape of a service's {@code /actuator/prometheus}, taken directly from the service
 * as Prometheus does (the gateway routes no actuator endpoint).
 *
 * @param service the service's name
 * @param text the exposition text
 */
record PrometheusScrape(String service, String text) {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static PrometheusScrape of(String service) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(RunningPlatform.get().url(service) + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
			return new PrometheusScrape(service, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The names of the series in the scrape ({@code _bucket}, {@code _count},
	 * {@code _sum} and {@code _total} included, as PromQL names them).
	 * @return the names
	 */
	Set<String> names() {
		return this.text.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());
	}

	/**
	 * The sum of the samples of a series, optionally narrowed by label pairs written as
	 * they appear ({@code currency="EUR"}); 0 when there is none.
	 * @param name the series name
	 * @param labels label pairs every counted sample must have
	 * @return the sum
	 */
	double value(String name, String... labels) {
		return this.text.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Set.of(labels).stream().allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
