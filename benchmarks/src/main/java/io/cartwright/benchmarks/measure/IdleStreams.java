package io.cartwright.benchmarks.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many idle live order status streams (issue 11): opens them through the gateway, holds
 * them past a few heart-beats, and measures what they cost the gateway and order-service
 * in threads, heap (after a full GC) and resident memory.
 */
public final class IdleStreams {

	/**
	 * How long closed streams get to end on the servers: the gateway sees the close at
	 * once; order-service only when a write fails, and the first heart-beat after the
	 * close (every 15 s) may still be accepted by the kernel, so up to two heart-beats.
	 */
	private static final Duration DRAIN = Duration.ofSeconds(45);

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final String gateway;

	private final Path jcmd;

	/**
	 * Streams through one gateway.
	 * @param gateway the gateway's base URL
	 */
	public IdleStreams(String gateway) {
		this.gateway = gateway;
		this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
	}

	/**
	 * One process before and with the streams open.
	 *
	 * @param threadsBefore threads before
	 * @param threadsWith threads with the streams open
	 * @param heapBeforeMb heap used after a full GC, before
	 * @param heapWithMb heap used after a full GC, with the streams open
	 * @param rssBeforeMb resident memory before
	 * @param rssWithMb resident memory with the streams open
	 * @param heapClosedMb heap used after a full GC once the streams were closed: back
	 * near {@code heapBeforeMb} when the streams' heap is theirs and not a leak
	 */
	public record Footprint(long threadsBefore, long threadsWith, double heapBeforeMb, double heapWithMb,
			long rssBeforeMb, long rssWithMb, double heapClosedMb) {

		/**
		 * Heap per open stream.
		 * @param streams the streams that were open
		 * @return KiB per stream
		 */
		public double heapPerStreamKib(int streams) {
			return (streams > 0) ? (this.heapWithMb - this.heapBeforeMb) * 1024 / streams : 0;
		}

	}

	/**
	 * What holding the streams showed.
	 *
	 * @param requested streams asked for
	 * @param opened streams answered 200
	 * @param openAtEnd streams still open when the hold ended
	 * @param heartbeats heart-beat comments received over all streams
	 * @param held how long they were held
	 * @param footprints the gateway's and order-service's footprints
	 */
	public record Outcome(int requested, int opened, int openAtEnd, long heartbeats, Duration held,
			Map<String, Footprint> footprints) {
	}

	/**
	 * Opens {@code tokens.size() * perCustomer} streams of
	 * {@code /api/customers/me/orders/events}, holds them, measures, closes them and
	 * measures the heap again once the servers have let them go.
	 * @param tokens access tokens of distinct customers
	 * @param perCustomer streams per customer (within order-service's per-customer limit)
	 * @param hold how long to hold them
	 * @param pids the gateway's and order-service's process ids by name
	 * @param keptMb the heap a process may keep once the streams closed
	 * @return the outcome
	 * @throws InterruptedException when interrupted
	 */
	public Outcome hold(List<String> tokens, int perCustomer, Duration hold, Map<String, Long> pids, double keptMb)
			throws InterruptedException {
		Map<String, long[]> before = new LinkedHashMap<>();
		Map<String, Double> heapBefore = new LinkedHashMap<>();
		pids.forEach((name, pid) -> {
			heapBefore.put(name, heapAfterGc(pid));
			before.put(name, new long[] { ProcessSampler.threads(pid), ProcessSampler.rssKb(pid) / 1024 });
		});
		int requested = tokens.size() * perCustomer;
		CountDownLatch answered = new CountDownLatch(requested);
		AtomicInteger opened = new AtomicInteger();
		AtomicInteger open = new AtomicInteger();
		AtomicInteger heartbeats = new AtomicInteger();
		List<CompletableFuture<?>> streams = new ArrayList<>();
		try (HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build()) {
			for (String token : tokens) {
				for (int n = 0; n < perCustomer; n++) {
					HttpRequest request = HttpRequest
						.newBuilder(URI.create(this.gateway + "/api/customers/me/orders/events"))
						.header("Authorization", "Bearer " + token)
						.header("Accept", "text/event-stream")
						.build();
					streams.add(http.sendAsync(request, (info) -> {
						boolean ok = info.statusCode() == 200;
						if (ok) {
							opened.incrementAndGet();
							open.incrementAndGet();
						}
						answered.countDown();
						return HttpResponse.BodySubscribers
							.fromLineSubscriber(new LineCounter(heartbeats, ok ? open : new AtomicInteger()));
					}).exceptionally((failure) -> {
						answered.countDown();
						return null;
					}));
				}
			}
			answered.await(60, TimeUnit.SECONDS);
			Thread.sleep(hold);
			Map<String, double[]> with = new LinkedHashMap<>();
			pids.forEach((name, pid) -> with.put(name,
					new double[] { ProcessSampler.threads(pid), heapAfterGc(pid), ProcessSampler.rssKb(pid) / 1024 }));
			int openAtEnd = open.get();
			streams.forEach((stream) -> stream.cancel(true));
			http.shutdownNow();
			Map<String, Double> closed = heapOnceReleased(pids, heapBefore, keptMb);
			Map<String, Footprint> footprints = new LinkedHashMap<>();
			pids.forEach((name, pid) -> footprints.put(name,
					new Footprint(before.get(name)[0], (long) with.get(name)[0], heapBefore.get(name),
							with.get(name)[1], before.get(name)[1], (long) with.get(name)[2], closed.get(name))));
			return new Outcome(requested, opened.get(), openAtEnd, heartbeats.get(), hold, footprints);
		}
	}

	/**
	 * The heap after the streams closed: measured every few seconds until every process
	 * is back within {@code keptMb} of where it was, or {@link #DRAIN} is over.
	 */
	private Map<String, Double> heapOnceReleased(Map<String, Long> pids, Map<String, Double> heapBefore, double keptMb)
			throws InterruptedException {
		long deadline = System.nanoTime() + DRAIN.toNanos();
		while (true) {
			Thread.sleep(Duration.ofSeconds(5));
			Map<String, Double> heap = new LinkedHashMap<>();
			pids.forEach((name, pid) -> heap.put(name, heapAfterGc(pid)));
			boolean released = heap.entrySet()
				.stream()
				.allMatch((entry) -> entry.getValue() - heapBefore.get(entry.getKey()) <= keptMb);
			if (released || System.nanoTime() > deadline) {
				return heap;
			}
		}
	}

	/** Heap in use right after a full collection, in MiB; -1 when jcmd cannot tell. */
	private double heapAfterGc(long pid) {
		try {
			run(this.jcmd.toString(), Long.toString(pid), "GC.run");
			Matcher used = HEAP_USED.matcher(run(this.jcmd.toString(), Long.toString(pid), "GC.heap_info"));
			return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		return output;
	}

	/** Counts heart-beat comments; notes a stream that ends. */
	private static final class LineCounter implements Flow.Subscriber<String> {

		private final AtomicInteger heartbeats;

		private final AtomicInteger open;

		LineCounter(AtomicInteger heartbeats, AtomicInteger open) {
			this.heartbeats = heartbeats;
			this.open = open;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			if (line.startsWith(":")) {
				this.heartbeats.incrementAndGet();
			}
		}

		@Override
		public void onError(Throwable failure) {
			this.open.decrementAndGet();
		}

		@Override
		public void onComplete() {
			this.open.decrementAndGet();
		}

	}

}
