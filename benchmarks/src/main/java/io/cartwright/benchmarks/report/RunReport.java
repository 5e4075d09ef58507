package io.cartwright.benchmarks.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cartwright.benchmarks.measure.CheckoutAudit;
import io.cartwright.benchmarks.measure.IdleStreams;
import io.cartwright.benchmarks.measure.LoadResult;
import io.cartwright.benchmarks.measure.ProcessSampler;

/**
 * Everything one run measured, collected as the run goes and written out at its end.
 */
public final class RunReport {

	/**
	 * One scenario: its loads and what the platform's processes used meanwhile.
	 *
	 * @param name the scenario
	 * @param loads what each load measured
	 * @param usage CPU and memory per process during the scenario
	 * @param reports the Gatling HTML reports of the scenario, if any
	 */
	public record Scenario(String name, List<LoadResult> loads, Map<String, ProcessSampler.Usage> usage,
			List<String> reports) {
	}

	/**
	 * A target of the issue and whether this run met it.
	 *
	 * @param scenario what is measured
	 * @param target the target, as text
	 * @param measured the figure, as text
	 * @param versusBaselines the figure's throughput as a ratio of the same generator's
	 * baselines in the same run, as text; empty when it is not a throughput
	 * @param met whether it was met
	 */
	public record Target(String scenario, String target, String measured, String versusBaselines, boolean met) {

		/**
		 * A target whose figure is not a throughput.
		 * @param scenario what is measured
		 * @param target the target, as text
		 * @param measured the figure, as text
		 * @param met whether it was met
		 */
		public Target(String scenario, String target, String measured, boolean met) {
			this(scenario, target, measured, "", met);
		}

	}

	/**
	 * A checkout load and its audit.
	 *
	 * @param name the scenario
	 * @param findings the audit
	 * @param sustainFrom the first second of the sustained rate
	 * @param sustainSeconds its length
	 * @param offeredRate orders per second offered while sustained
	 */
	public record Checkout(String name, CheckoutAudit.Findings findings, int sustainFrom, int sustainSeconds,
			double offeredRate) {
	}

	final Instant startedAt = Instant.now();

	final Map<String, String> machine = new LinkedHashMap<>();

	final Map<String, Duration> readyAfter = new LinkedHashMap<>();

	Duration platformStartedIn = Duration.ZERO;

	final Map<String, Duration> restartedAlone = new LinkedHashMap<>();

	String seeded = "";

	final Map<String, LoadResult> baselines = new LinkedHashMap<>();

	final List<Scenario> scenarios = new ArrayList<>();

	final List<Checkout> checkouts = new ArrayList<>();

	final List<Target> targets = new ArrayList<>();

	IdleStreams.Outcome streams;

	/**
	 * Notes a fact about the machine or the run's settings.
	 * @param name what
	 * @param value its value
	 */
	public void machine(String name, String value) {
		this.machine.put(name, value);
	}

	/**
	 * Notes the start-up times.
	 * @param platform the whole platform, infrastructure included
	 * @param services each service from its start to ready
	 */
	public void startup(Duration platform, Map<String, Duration> services) {
		this.platformStartedIn = platform;
		this.readyAfter.putAll(services);
	}

	/**
	 * Notes what was seeded.
	 * @param text a line about the catalog and the customers
	 */
	public void seeded(String text) {
		this.seeded = text;
	}

	/**
	 * Notes a baseline load.
	 * @param key such as {@code wrk static}
	 * @param result its figures
	 */
	public void baseline(String key, LoadResult result) {
		this.baselines.put(key, result);
	}

	/**
	 * A throughput as a ratio of the same generator's baselines of this run.
	 * @param tool {@code wrk} or {@code gatling}
	 * @param perSecond requests per second
	 * @return such as {@code 0.03 × static, 0.29 × gateway health}; empty without
	 * baselines
	 */
	public String versusBaselines(String tool, double perSecond) {
		List<String> ratios = new ArrayList<>();
		for (String baseline : List.of("static response", "gateway health")) {
			LoadResult result = this.baselines.get(tool + " " + baseline);
			if (result != null && result.perSecond() > 0) {
				ratios.add("%.2f × %s".formatted(perSecond / result.perSecond(), baseline.replace(" response", "")));
			}
		}
		return String.join(", ", ratios);
	}

	/**
	 * A baseline by key.
	 * @param key such as {@code wrk static}
	 * @return its figures, or null
	 */
	public LoadResult baseline(String key) {
		return this.baselines.get(key);
	}

	/**
	 * Notes a scenario.
	 * @param scenario its figures
	 */
	public void scenario(Scenario scenario) {
		this.scenarios.add(scenario);
	}

	/**
	 * Notes a checkout load and its audit.
	 * @param checkout its figures
	 */
	public void checkout(Checkout checkout) {
		this.checkouts.add(checkout);
	}

	/**
	 * Notes a target's outcome.
	 * @param target the outcome
	 */
	public void target(Target target) {
		this.targets.add(target);
	}

	/**
	 * Notes the idle streams' outcome.
	 * @param outcome what holding them showed
	 */
	public void streams(IdleStreams.Outcome outcome) {
		this.streams = outcome;
	}

	/**
	 * The scenarios so far.
	 * @return the scenarios
	 */
	public List<Scenario> scenarios() {
		return List.copyOf(this.scenarios);
	}

	/**
	 * Each service's start-up time.
	 * @return durations by service name
	 */
	public Map<String, Duration> readyAfter() {
		return Map.copyOf(this.readyAfter);
	}

	/**
	 * Notes how long a service took to be ready when restarted on its own.
	 * @param service the service
	 * @param ready from its start to ready
	 */
	public void restartedAlone(String service, Duration ready) {
		this.restartedAlone.put(service, ready);
	}

	/**
	 * Each service's start-up time when restarted on its own.
	 * @return durations by service name
	 */
	public Map<String, Duration> restartedAlone() {
		return Map.copyOf(this.restartedAlone);
	}

	/**
	 * The whole platform's start-up time.
	 * @return the duration
	 */
	public Duration platformStartedIn() {
		return this.platformStartedIn;
	}

	/**
	 * Whether every checkout audit passed.
	 * @return false when any load lost, repeated or oversold an order
	 */
	public boolean correct() {
		return this.checkouts.stream().allMatch((checkout) -> checkout.findings().passed());
	}

}
