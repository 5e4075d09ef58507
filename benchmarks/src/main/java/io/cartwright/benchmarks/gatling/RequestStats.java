package io.cartwright.benchmarks.gatling;

/**
 * One line of a Gatling report's statistics table: a request name, or all requests.
 * Response times are in milliseconds, over all responses (OK and KO), as Gatling's table
 * shows them; a column without data (no response at all) is 0.
 *
 * @param name the request's name ({@code All Requests} for the global line)
 * @param count how many requests were sent
 * @param ok how many passed their checks
 * @param ko how many failed (a failed check, a timeout, a refused connection)
 * @param rps the mean number of requests per second over the run
 * @param min the shortest response time
 * @param p50 the median response time
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the longest response time
 * @param mean the mean response time
 */
public record RequestStats(String name, long count, long ok, long ko, double rps, int min, int p50, int p95, int p99,
		int p999, int max, int mean) {

	/** The share of failed requests, 0 to 1 (0 without requests). */
	public double koRatio() {
		return (this.count != 0) ? (double) this.ko / this.count : 0;
	}

}
