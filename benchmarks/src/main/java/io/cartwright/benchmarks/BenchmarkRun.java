package io.cartwright.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cartwright.benchmarks.gatling.GatlingRun;
import io.cartwright.benchmarks.gatling.GatlingStats;
import io.cartwright.benchmarks.gatling.RequestStats;
import io.cartwright.benchmarks.measure.CheckoutAudit;
import io.cartwright.benchmarks.measure.IdleStreams;
import io.cartwright.benchmarks.measure.LoadResult;
import io.cartwright.benchmarks.measure.ProcessSampler;
import io.cartwright.benchmarks.measure.StaticResponseServer;
import io.cartwright.benchmarks.measure.Wrk;
import io.cartwright.benchmarks.report.ReportWriter;
import io.cartwright.benchmarks.report.RunReport;
import io.cartwright.benchmarks.seed.CatalogSeeder;
import io.cartwright.benchmarks.seed.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole benchmark, run by {@code benchmarks/run}: starts the platform with the local
 * launcher, seeds it, warms it up, runs every scenario beside its same-run baselines,
 * audits every checkout load, holds 1,000 idle order status streams, and writes
 * {@code benchmarks/RESULTS.md}, the chart and the README's table. Exits with 1 when a
 * checkout audit finds an order lost, repeated or oversold.
 */
public final class BenchmarkRun {

	private static final Logger log = LoggerFactory.getLogger(BenchmarkRun.class);

	/**
	 * The start of the cart simulation's error message for a read that missed a write.
	 */
	private static final String LOST_UPDATE = "lost update";

	/** The scenarios {@code --only} can pick. */
	static final Set<String> SCENARIOS = Set.of("products", "listings", "carts", "checkout", "day", "streams",
			"restarts");

	/** The documented bound on the threads 1,000 idle streams may add to a process. */
	private static final int STREAM_THREADS = 16;

	/** The documented bound on the heap one idle stream takes in a process (ADR 0021). */
	private static final int STREAM_HEAP_KIB = 128;

	/** The most heap a process may keep once the streams closed: they must not leak. */
	private static final int STREAM_KEPT_MB = 16;

	private final Path home;

	private final Settings settings;

	private final Path work;

	private final Path data;

	private final Path reports;

	private final RunReport report = new RunReport();

	private final String classPath;

	private Platform platform;

	private Wrk wrk;

	private String staticUrl;

	private final Set<String> only;

	private BenchmarkRun(Path home, Settings settings, Set<String> only) throws IOException {
		this.home = home;
		this.settings = settings;
		this.only = only;
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		this.work = home.resolve("benchmarks/target/run-" + stamp);
		this.data = Files.createDirectories(this.work.resolve("data"));
		this.reports = Files.createDirectories(home.resolve("benchmarks/reports/" + stamp));
		this.classPath = GatlingRun.classPath(home.resolve("benchmarks"));
	}

	/**
	 * Runs the benchmark.
	 * @param args {@code --home=DIR} (the repository), {@code --quick} (a short run on a
	 * small catalog that checks the suite itself, figures not comparable),
	 * {@code --only=checkout,streams} (only the scenarios named, from {@link #SCENARIOS},
	 * with no baselines; for profiling one scenario: the results go to the run's report
	 * directory, not to RESULTS.md or the README)
	 * @throws Exception when the run cannot go on
	 */
	public static void main(String[] args) throws Exception {
		Path home = Arrays.stream(args)
			.filter((arg) -> arg.startsWith("--home="))
			.map((arg) -> Path.of(arg.substring("--home=".length())))
			.findFirst()
			.orElse(Path.of("."))
			.toAbsolutePath()
			.normalize();
		Settings settings = Arrays.asList(args).contains("--quick") ? Settings.quick() : Settings.full();
		if (!Wrk.installed()) {
			throw new IllegalStateException("wrk is not installed: benchmarks/run installs it (apt-get install wrk)");
		}
		Set<String> only = Arrays.stream(args)
			.filter((arg) -> arg.startsWith("--only="))
			.flatMap((arg) -> Arrays.stream(arg.substring("--only=".length()).split(",")))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (!SCENARIOS.containsAll(only)) {
			throw new IllegalArgumentException("--only takes some of " + SCENARIOS + ", not " + only);
		}
		boolean correct = new BenchmarkRun(home, settings, only).run();
		System.exit(correct ? 0 : 1);
	}

	private boolean run() throws Exception {
		describeMachine();
		try (StaticResponseServer staticServer = StaticResponseServer.start()) {
			this.staticUrl = staticServer.baseUrl();
			this.wrk = new Wrk(this.work.resolve("wrk"));
			step("Starting the platform");
			this.platform = Platform.start(this.home, this.work.resolve("platform"), (first) -> this.report.machine(
					"first start after a build",
					"%.0f s (makes the AOT caches: a training run per service)".formatted(first.toMillis() / 1000.0)));
			try {
				this.report.machine("service JVMs", String.join(" ", this.platform.jvmOptions())
						+ " and a JDK AOT cache each, each service a process (the local launcher)");
				this.report.startup(this.platform.startedIn(), this.platform.readyAfter());
				seed();
				warmUp();
				if (this.only.isEmpty()) {
					baselines();
				}
				scenario("products", this::productPages);
				scenario("listings", this::listings);
				scenario("carts", this::carts);
				scenario("checkout", this::checkout);
				scenario("day", this::storefrontDay);
				scenario("streams", this::idleStreams);
				memoryTarget();
				scenario("restarts", this::restartsAlone);
			}
			finally {
				step("Stopping the platform");
				this.platform.close();
			}
		}
		startupTargets();
		ReportWriter writer = new ReportWriter(this.report);
		if (this.only.isEmpty()) {
			writer.write(this.home.resolve("benchmarks/RESULTS.md"), this.home.resolve("README.md"),
					this.home.resolve("benchmarks/results-chart.svg"));
			step("Results written to benchmarks/RESULTS.md; Gatling reports in " + this.home.relativize(this.reports));
		}
		else {
			Path results = this.reports.resolve("RESULTS.md");
			writer.writeAlone(results);
			step("Results of " + this.only + " written to " + this.home.relativize(results));
		}
		return this.report.correct();
	}

	private interface Scenario {

		void run() throws Exception;

	}

	private void scenario(String name, Scenario scenario) throws Exception {
		if (this.only.isEmpty() || this.only.contains(name)) {
			scenario.run();
		}
	}

	private void describeMachine() throws IOException {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown CPU");
		long memoryKb = Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
			.findFirst()
			.orElse(0L);
		this.report.machine("machine", "%d cores (%s), %.0f GiB".formatted(Runtime.getRuntime().availableProcessors(),
				cpu, memoryKb / 1024.0 / 1024.0));
		this.report.machine("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
		this.report.machine("load generators",
				"wrk 4.1 (2 threads) and Gatling 3.15 (own JVM, 1 GiB heap), " + "on the same machine as the platform");
		this.report.machine("settings", "gateway rate limits off, 3 h access tokens (" + Platform.ENVIRONMENT + ")");
	}

	private void seed() throws SQLException {
		step("Seeding the catalog");
		CatalogSeeder.Seeded seeded;
		try (Connection catalog = this.platform.database("catalog"); Connection cart = this.platform.database("cart")) {
			seeded = new CatalogSeeder(catalog, cart, BenchmarkRun::step).seed(this.settings.catalog(), this.data);
		}
		step("Signing customers up and in");
		Customers customers = new Customers(this.platform.url("gateway"), this.platform.issuer());
		long begin = System.nanoTime();
		customers.create("checkout", this.settings.checkoutCustomers(), this.data.resolve("customers.csv"),
				BenchmarkRun::step);
		customers.create("shopper", this.settings.shoppers(), this.data.resolve("shoppers.csv"), BenchmarkRun::step);
		this.report
			.seeded("%,d products, %,d SKUs, %d categories, loaded in %.1f s; %d + %d customers signed up and in %.0f s"
				.formatted(seeded.products(), seeded.skus(), seeded.categories(), seeded.took().toMillis() / 1000.0,
						this.settings.checkoutCustomers(), this.settings.shoppers(),
						(System.nanoTime() - begin) / 1e9));
		Workload workload = Workload.read(this.data);
		Workload.write(this.data.resolve("gateway-by-id.txt"), workload.productsById("/api/catalog"));
		Workload.write(this.data.resolve("direct-by-id.txt"), workload.productsById(""));
		Workload.write(this.data.resolve("gateway-by-slug.txt"), workload.productsBySlug("/api/catalog"));
		Workload.write(this.data.resolve("gateway-listings.txt"), workload.listings("/api/catalog"));
		Workload.write(this.data.resolve("direct-listings.txt"), workload.listings(""));
		Workload.write(this.data.resolve("static.txt"), List.of("/"));
		Workload.write(this.data.resolve("gateway-health.txt"), List.of("/actuator/health/liveness"));
	}

	/**
	 * Every path once through the JIT and the caches: the hot products' pages (which puts
	 * them in catalog-service's cache), listings, carts and a few checkouts.
	 */
	private void warmUp() throws Exception {
		step("Warming up");
		Duration warm = this.settings.warmUp();
		this.wrk.run("warm-up by id", gateway(), this.data.resolve("gateway-by-id.txt"), 32, warm);
		this.wrk.run("warm-up direct", catalog(), this.data.resolve("direct-by-id.txt"), 32, warm);
		this.wrk.run("warm-up by slug", gateway(), this.data.resolve("gateway-by-slug.txt"), 32, warm);
		this.wrk.run("warm-up listings", gateway(), this.data.resolve("gateway-listings.txt"), 32, warm);
		this.wrk.run("warm-up static", this.staticUrl, this.data.resolve("static.txt"), 32, Duration.ofSeconds(5));
		gatling("warm-up-cart", "CartSimulation",
				Map.of("bench.users", "16", "bench.duration", Long.toString(warm.toSeconds())));
		gatling("warm-up-checkout", "CheckoutSimulation",
				Map.of("bench.rampFrom", "5", "bench.rampTo", "20", "bench.rampSeconds",
						Long.toString(warm.toSeconds()), "bench.sustainSeconds", "5", "bench.accepted",
						this.work.resolve("warm-up-orders.txt").toString()));
	}

	private void baselines() throws Exception {
		step("Baselines");
		Duration length = this.settings.baseline();
		this.report.baseline("wrk static response",
				rename(this.wrk.run("static response", this.staticUrl, this.data.resolve("static.txt"), 64, length),
						"static response"));
		this.report.baseline("wrk gateway health",
				rename(this.wrk.run("gateway health", gateway(), this.data.resolve("gateway-health.txt"), 64, length),
						"gateway /actuator/health/liveness"));
		for (Map.Entry<String, String> target : Map
			.of("static response", this.staticUrl + "/", "gateway health", gateway() + "/actuator/health/liveness")
			.entrySet()) {
			GatlingStats stats = gatling("baseline-" + target.getKey().replace(' ', '-'), "BaselineSimulation",
					Map.of("bench.url", target.getValue(), "bench.users", "64", "bench.duration",
							Long.toString(length.toSeconds())))
				.stats();
			this.report.baseline("gatling " + target.getKey(), load(target.getKey(), stats.global()));
		}
	}

	private void productPages() throws Exception {
		step("Scenario 1: product pages");
		Duration length = this.settings.measure();
		Map<String, Long> pids = this.platform.pids();
		List<LoadResult> loads = new ArrayList<>();
		ProcessSampler sampler = ProcessSampler.start(pids);
		loads.add(this.wrk.run("product by id, gateway, 64 conn", gateway(), this.data.resolve("gateway-by-id.txt"), 64,
				length));
		loads.add(this.wrk.run("product by id, catalog-service, 64 conn", catalog(),
				this.data.resolve("direct-by-id.txt"), 64, length));
		loads.add(this.wrk.run("product by slug, gateway, 64 conn", gateway(), this.data.resolve("gateway-by-slug.txt"),
				64, length));
		GatlingRun.Result gatling = gatling("product-pages", "ProductDetailSimulation",
				Map.of("bench.users", "64", "bench.duration", Long.toString(length.toSeconds())));
		loads.addAll(loads(gatling.stats()));
		this.report.scenario(new RunReport.Scenario("1. Product pages (hot set of 10,000 products)", loads,
				sampler.stop(), List.of(relative(gatling.reportDirectory()))));
		LoadResult gateway = loads.get(0);
		LoadResult direct = loads.get(1);
		this.report.target(new RunReport.Target("product by id, via gateway, 64 connections",
				"≥ 4,000 req/s, p99 ≤ 40 ms, 0 errors", figures(gateway),
				this.report.versusBaselines("wrk", gateway.perSecond()),
				gateway.perSecond() >= 4000 && gateway.p99() <= 40 && gateway.errors() == 0));
		this.report.target(new RunReport.Target("product by id, straight to catalog-service (cached)",
				"≥ 10,000 req/s, p99 ≤ 15 ms", figures(direct), this.report.versusBaselines("wrk", direct.perSecond()),
				direct.perSecond() >= 10_000 && direct.p99() <= 15));
	}

	private void listings() throws Exception {
		step("Scenario 2: listing and search pages");
		Duration length = this.settings.measure();
		List<LoadResult> loads = new ArrayList<>();
		ProcessSampler sampler = ProcessSampler.start(this.platform.pids());
		// Straight to catalog-service first, which fills the page cache, then through
		// the gateway while those pages are cached: a storefront whose pages are asked
		// for again before a catalog write or a sell-out clears them.
		loads.add(this.wrk.run("listing/search pages, catalog-service, 64 conn, filling the page cache", catalog(),
				this.data.resolve("direct-listings.txt"), 64, length));
		loads.add(this.wrk.run("listing/search pages, gateway, 64 conn, pages cached", gateway(),
				this.data.resolve("gateway-listings.txt"), 64, length));
		GatlingRun.Result gatling = gatling("listings", "ListingSimulation",
				Map.of("bench.users", "64", "bench.duration", Long.toString(length.toSeconds())));
		loads.addAll(loads(gatling.stats()));
		Map<String, ProcessSampler.Usage> usage = sampler.stop();
		// Then what follows a catalog write, which clears every cached page: through the
		// gateway on a cold page cache.
		writeToCatalog();
		LoadResult cold = this.wrk.run("listing/search pages, gateway, 64 conn, cold page cache", gateway(),
				this.data.resolve("gateway-listings.txt"), 64, length);
		loads.add(cold);
		this.report.scenario(new RunReport.Scenario(
				"2. Listing and search pages on %,d products".formatted(this.settings.catalog().products()), loads,
				usage, List.of(relative(gatling.reportDirectory()))));
		LoadResult listing = loads.get(1);
		this.report.target(
				new RunReport.Target("search/listing page on 100k products, via gateway", "≥ 1,500 req/s, p99 ≤ 100 ms",
						figures(listing) + " with the pages cached; %s req/s, p99 %s ms on a cold page cache"
							.formatted(ReportWriter.number(cold.perSecond()), ReportWriter.millis(cold.p99())),
						this.report.versusBaselines("wrk", listing.perSecond()),
						listing.perSecond() >= 1500 && listing.p99() <= 100));
	}

	/**
	 * A staff write to the catalog, as a merchandiser's edit would be: a new empty
	 * category. Catalog-service clears its listing pages after it.
	 */
	private void writeToCatalog() throws IOException, InterruptedException {
		String token = new Customers(gateway(), this.platform.issuer()).staffToken(this.platform.staffPassword());
		String slug = "benchmark-" + System.currentTimeMillis();
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway() + "/api/catalog/categories"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"%s\",\"name\":\"%s\"}".formatted(slug, slug)))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> created = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (created.statusCode() != 201) {
				throw new IllegalStateException(
						"Creating category " + slug + " answered " + created.statusCode() + ": " + created.body());
			}
		}
	}

	private void carts() throws Exception {
		step("Scenario 3: carts");
		Duration length = this.settings.measure();
		ProcessSampler sampler = ProcessSampler.start(this.platform.pids());
		GatlingRun.Result gatling = gatling("carts", "CartSimulation",
				Map.of("bench.users", "64", "bench.duration", Long.toString(length.toSeconds())));
		GatlingStats stats = gatling.stats();
		List<LoadResult> loads = loads(stats);
		this.report.scenario(new RunReport.Scenario("3. Carts: create, add, change, read (80 % guests)", loads,
				sampler.stop(), List.of(relative(gatling.reportDirectory()))));
		List<LoadResult> writes = loads.stream().filter(BenchmarkRun::isCartWrite).toList();
		double writesPerSecond = writes.stream().mapToDouble(LoadResult::perSecond).sum();
		double p99 = writes.stream().mapToDouble(LoadResult::p99).max().orElse(0);
		long lostUpdates = stats.errors(LOST_UPDATE);
		long errors = writes.stream().mapToLong(LoadResult::errors).sum();
		this.report.target(new RunReport.Target("cart writes (add/change), via gateway",
				"≥ 1,500 req/s, p99 ≤ 60 ms, no lost update",
				"%s req/s, p99 %s ms (slowest write kind), %d failed writes, %d reads that missed the last write"
					.formatted(ReportWriter.number(writesPerSecond), ReportWriter.millis(p99), errors, lostUpdates),
				this.report.versusBaselines("gatling", writesPerSecond),
				writesPerSecond >= 1500 && p99 <= 60 && lostUpdates == 0 && errors == 0));
	}

	private static boolean isCartWrite(LoadResult load) {
		return load.name().equals("add line") || load.name().equals("change quantity");
	}

	private void checkout() throws Exception {
		step("Scenario 4: checkout at a rising rate, then sustained");
		int ramp = this.settings.checkoutRampSeconds();
		int sustain = this.settings.checkoutSustainSeconds();
		double rate = this.settings.checkoutRate();
		CheckoutRun run = checkoutLoad("checkout", "CheckoutSimulation",
				Map.of("bench.rampFrom", "10", "bench.rampTo", Double.toString(rate), "bench.rampSeconds",
						Integer.toString(ramp), "bench.sustainSeconds", Integer.toString(sustain)),
				ramp, sustain, rate);
		CheckoutAudit.Findings f = run.findings();
		double confirmed = f.confirmedPerSecond(ramp, sustain);
		this.report.target(new RunReport.Target("checkout, sustained " + sustain + " s",
				"≥ 200 orders/s confirmed, p99 place→CONFIRMED < 1 s, 0 lost, 0 duplicated, 0 oversold",
				"%s orders/s confirmed (offered %s/s), p99 %s ms, %d lost, %d duplicated, %d oversold SKUs".formatted(
						ReportWriter.number(confirmed), ReportWriter.number(rate),
						ReportWriter.millis(f.percentile(99)), f.lost(), f.duplicated(), f.oversoldSkus()),
				confirmed >= 200 && f.percentile(99) < 1000 && f.passed()));
	}

	private void storefrontDay() throws Exception {
		step("Scenario 5: a storefront day (80 % browse, 15 % cart, 5 % checkout)");
		int length = (int) this.settings.measure().toSeconds() * 2;
		checkoutLoad(
				"storefront day", "StorefrontDaySimulation", Map.of("bench.rate",
						Double.toString(this.settings.dayRate()), "bench.duration", Integer.toString(length)),
				0, length, this.settings.dayRate() * 0.05);
	}

	private record CheckoutRun(CheckoutAudit.Findings findings) {
	}

	private CheckoutRun checkoutLoad(String name, String simulation, Map<String, String> properties, int sustainFrom,
			int sustainSeconds, double offeredRate) throws Exception {
		Path accepted = this.work.resolve(name.replace(' ', '-') + "-orders.txt");
		List<String> skus = Files.readAllLines(this.data.resolve("checkout-skus.csv")).stream().skip(1).toList();
		try (Connection orders = this.platform.database("orders");
				Connection catalog = this.platform.database("catalog")) {
			CheckoutAudit audit = new CheckoutAudit(orders, catalog, BenchmarkRun::step);
			Map<String, Integer> before = audit.onHandOnceSettled(skus, Duration.ofMinutes(3));
			Instant since = Instant.now();
			ProcessSampler sampler = ProcessSampler.start(this.platform.pids());
			Map<String, String> all = new HashMap<>(properties);
			all.put("bench.accepted", accepted.toString());
			GatlingRun.Result gatling = gatling(name.replace(' ', '-'), simulation, all);
			Map<String, ProcessSampler.Usage> usage = sampler.stop();
			this.report.scenario(new RunReport.Scenario(
					(name.equals("checkout") ? "4. Checkout" : "5. Storefront day") + " (open model)",
					loads(gatling.stats()), usage, List.of(relative(gatling.reportDirectory()))));
			step("Auditing " + name);
			CheckoutAudit.Findings findings = audit.audit(accepted, since, before, Duration.ofMinutes(3));
			this.report.checkout(new RunReport.Checkout(name, findings, sustainFrom, sustainSeconds, offeredRate));
			step("%s: %d accepted, %d confirmed, %s".formatted(name, findings.accepted(), findings.confirmed(),
					findings.passed() ? "correct" : String.join("; ", findings.problems())));
			return new CheckoutRun(findings);
		}
	}

	private void idleStreams() throws Exception {
		step("Holding %d idle order status streams".formatted(this.settings.streamCustomers() * 5));
		List<String> tokens = Files.readAllLines(this.data.resolve("shoppers.csv"))
			.stream()
			.skip(1)
			.limit(this.settings.streamCustomers())
			.map((line) -> line.substring(line.indexOf(',') + 1))
			.toList();
		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("gateway", this.platform.pids().get("gateway"));
		pids.put("order-service", this.platform.pids().get("order-service"));
		IdleStreams.Outcome outcome = new IdleStreams(gateway()).hold(tokens, 5, this.settings.streamHold(), pids,
				STREAM_KEPT_MB);
		this.report.streams(outcome);
		// The bound documented for issue 11 (ADR 0021): streams are asynchronous (no
		// thread each); each holds its connection's buffers, which go when it closes.
		long threads = outcome.footprints()
			.values()
			.stream()
			.mapToLong((f) -> f.threadsWith() - f.threadsBefore())
			.max()
			.orElse(0);
		double perStream = outcome.footprints()
			.values()
			.stream()
			.mapToDouble((f) -> f.heapPerStreamKib(outcome.opened()))
			.max()
			.orElse(0);
		double kept = outcome.footprints()
			.values()
			.stream()
			.mapToDouble((f) -> f.heapClosedMb() - f.heapBeforeMb())
			.max()
			.orElse(0);
		this.report.target(new RunReport.Target(
				"%,d idle order status streams (issue 11)".formatted(outcome.requested()),
				"all held; per process ≤ %d more threads, ≤ %d KiB heap per stream, ≤ %d MiB kept after they close"
					.formatted(STREAM_THREADS, STREAM_HEAP_KIB, STREAM_KEPT_MB),
				"%d of %d held %d s; at most %d more threads, %.0f KiB heap per stream, %.0f MiB kept".formatted(
						outcome.openAtEnd(), outcome.requested(), outcome.held().toSeconds(), threads, perStream, kept),
				outcome.openAtEnd() == outcome.requested() && threads <= STREAM_THREADS && perStream <= STREAM_HEAP_KIB
						&& kept <= STREAM_KEPT_MB));
		step("%d of %d streams open after %d s".formatted(outcome.openAtEnd(), outcome.requested(),
				outcome.held().toSeconds()));
	}

	/**
	 * Each service restarted on its own, the others running: what a rolling deploy or a
	 * crash costs, and the per-service start-up target.
	 */
	private void restartsAlone() {
		step("Restarting each service alone");
		for (String name : List.of("auth-server", "catalog-service", "cart-service", "order-service", "gateway")) {
			Duration ready = this.platform.restartAlone(name);
			this.report.restartedAlone(name, ready);
			step("%s ready %.1f s after a restart on its own".formatted(name, ready.toMillis() / 1000.0));
		}
	}

	private void memoryTarget() {
		Map<String, Long> maxRss = new LinkedHashMap<>();
		this.report.scenarios()
			.forEach((scenario) -> scenario.usage()
				.forEach((name, usage) -> maxRss.merge(name, usage.maxRssMb(), Math::max)));
		maxRss.keySet().removeIf((name) -> !this.platform.readyAfter().containsKey(name));
		long worst = maxRss.values().stream().mapToLong(Long::longValue).max().orElse(0);
		String which = maxRss.entrySet()
			.stream()
			.filter((e) -> e.getValue() == worst)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("");
		this.report.target(new RunReport.Target("memory under load", "RSS ≤ 450 MB per service",
				"highest %d MiB (%s)".formatted(worst, which), worst <= 450 * 1_000_000L / 1024 / 1024));
	}

	private void startupTargets() {
		Duration slowest = this.report.restartedAlone()
			.values()
			.stream()
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		String which = this.report.restartedAlone()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals(slowest))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("");
		this.report.target(new RunReport.Target("start-up", "each service ready ≤ 8 s, the whole platform ≤ 60 s",
				"slowest service restarted alone %.1f s (%s), platform %.1f s".formatted(slowest.toMillis() / 1000.0,
						which, this.report.platformStartedIn().toMillis() / 1000.0),
				slowest.toMillis() <= 8000 && this.report.platformStartedIn().toMillis() <= 60_000));
	}

	private GatlingRun.Result gatling(String name, String simulation, Map<String, String> extra) throws Exception {
		Map<String, String> properties = new HashMap<>();
		properties.put("bench.baseUrl", gateway());
		properties.put("bench.catalogPrefix", "/api/catalog");
		properties.put("bench.data", this.data.toString());
		properties.putAll(extra);
		GatlingRun.Result result = new GatlingRun("io.cartwright.benchmarks.simulations." + simulation, name,
				properties, this.classPath, this.reports, this.work.resolve("gatling-" + name + ".log"),
				Duration.ofMinutes(15))
			.run();
		log.info("Gatling {}: exit {}, report {}", name, result.exitCode(), result.reportDirectory());
		return result;
	}

	private static List<LoadResult> loads(GatlingStats stats) {
		return stats.requests().stream().map((request) -> load(request.name(), request)).toList();
	}

	private static LoadResult load(String name, RequestStats stats) {
		return new LoadResult(name, "gatling", stats.count(), stats.rps(), stats.ko(), stats.p50(), stats.p95(),
				stats.p99(), stats.max());
	}

	private static LoadResult rename(LoadResult result, String name) {
		return new LoadResult(name, result.tool(), result.requests(), result.perSecond(), result.errors(), result.p50(),
				result.p95(), result.p99(), result.max());
	}

	private static String figures(LoadResult load) {
		return "%s req/s, p99 %s ms, %d errors".formatted(ReportWriter.number(load.perSecond()),
				ReportWriter.millis(load.p99()), load.errors());
	}

	private String relative(Path path) {
		return this.home.relativize(path).toString();
	}

	private String gateway() {
		return this.platform.url("gateway");
	}

	private String catalog() {
		return this.platform.url("catalog-service");
	}

	private static void step(String text) {
		log.info("== {}", text);
	}

}
