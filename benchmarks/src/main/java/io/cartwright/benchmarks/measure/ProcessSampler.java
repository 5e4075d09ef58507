package io.cartwright.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of the platform's processes while a scenario runs, read
 * from {@code /proc} (Linux): CPU as the share of one core used over the scenario, RSS as
 * the highest of samples taken twice a second.
 */
public final class ProcessSampler implements AutoCloseable {

	/** Linux's USER_HZ, the unit of the CPU times in {@code /proc/<pid>/stat}. */
	private static final double TICKS_PER_SECOND = 100.0;

	private final Map<String, Long> pids;

	private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();

	private final Map<String, Long> maxRssKb = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "rss-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private long startedAt;

	/**
	 * What a process used during a scenario.
	 *
	 * @param cpuPercent CPU time over wall time, in percent of one core (200 = both cores
	 * of this machine)
	 * @param maxRssMb the highest resident set size seen, in MiB
	 */
	public record Usage(double cpuPercent, long maxRssMb) {
	}

	private ProcessSampler(Map<String, Long> pids) {
		this.pids = Map.copyOf(pids);
	}

	/**
	 * Starts sampling.
	 * @param pids the processes by name
	 * @return the running sampler
	 */
	public static ProcessSampler start(Map<String, Long> pids) {
		ProcessSampler sampler = new ProcessSampler(pids);
		sampler.startedAt = System.nanoTime();
		pids.forEach((name, pid) -> sampler.ticksAtStart.put(name, cpuTicks(pid)));
		sampler.sampler.scheduleAtFixedRate(sampler::sampleRss, 0, 500, TimeUnit.MILLISECONDS);
		return sampler;
	}

	/**
	 * Stops sampling.
	 * @return each process's usage since {@link #start}
	 */
	public Map<String, Usage> stop() {
		double seconds = (System.nanoTime() - this.startedAt) / 1e9;
		this.sampler.shutdownNow();
		sampleRss();
		Map<String, Usage> usage = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> {
			long ticks = cpuTicks(pid) - this.ticksAtStart.getOrDefault(name, 0L);
			usage.put(name,
					new Usage(100.0 * ticks / TICKS_PER_SECOND / seconds, this.maxRssKb.getOrDefault(name, 0L) / 1024));
		});
		return usage;
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

	private void sampleRss() {
		this.pids.forEach((name, pid) -> this.maxRssKb.merge(name, rssKb(pid), Math::max));
	}

	/**
	 * The resident set size of a process now.
	 * @param pid the process
	 * @return kibibytes, 0 when the process is gone
	 */
	public static long rssKb(long pid) {
		return statusField(pid, "VmRSS:");
	}

	/**
	 * The number of threads of a process now.
	 * @param pid the process
	 * @return its threads, 0 when the process is gone
	 */
	public static long threads(long pid) {
		return statusField(pid, "Threads:");
	}

	private static long statusField(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
				}
			}
			return 0;
		}
		catch (IOException | NumberFormatException gone) {
			return 0;
		}
	}

	/** User plus system time of a process, in ticks. */
	static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// The command name (field 2) may contain spaces; the fields after it don't.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException gone) {
			return 0;
		}
	}

}
