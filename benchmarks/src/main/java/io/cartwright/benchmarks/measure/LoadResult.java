package io.cartwright.benchmarks.measure;

/**
 * What one load (a wrk run, or one request kind of a Gatling run) measured.
 *
 * @param name what was measured
 * @param tool {@code wrk} or {@code gatling}
 * @param requests requests completed
 * @param perSecond requests per second
 * @param errors failed requests: connection errors, timeouts, non-2xx/3xx answers and
 * failed checks
 * @param p50 median latency in milliseconds
 * @param p95 95th percentile in milliseconds
 * @param p99 99th percentile in milliseconds
 * @param max the slowest, in milliseconds
 */
public record LoadResult(String name, String tool, long requests, double perSecond, long errors, double p50, double p95,
		double p99, double max) {

	/**
	 * This result's throughput relative to a baseline's.
	 * @param baseline the same generator against a cheaper endpoint
	 * @return the ratio, 0 when the baseline measured nothing
	 */
	public double throughputRatio(LoadResult baseline) {
		return (baseline.perSecond() > 0) ? this.perSecond / baseline.perSecond() : 0;
	}

}
