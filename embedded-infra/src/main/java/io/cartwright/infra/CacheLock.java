package io.cartwright.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a directory of the shared cache, held across threads of this JVM
 * and across JVMs (test forks of several modules, the launcher), so that only one of them
 * unpacks binaries or initializes a template at a time.
 */
final class CacheLock implements AutoCloseable {

	private static final ReentrantLock IN_JVM = new ReentrantLock();

	private final FileChannel channel;

	private final FileLock lock;

	private CacheLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Blocks until this JVM holds the lock of the given cache directory.
	 * @param cacheDir the cache directory, created if missing
	 * @return the held lock, to close when done
	 */
	static CacheLock acquire(Path cacheDir) {
		IN_JVM.lock();
		try {
			Files.createDirectories(cacheDir);
			FileChannel channel = FileChannel.open(cacheDir.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			try {
				return new CacheLock(channel, channel.lock());
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			IN_JVM.unlock();
			throw new UncheckedIOException("Cannot lock " + cacheDir, ex);
		}
		catch (RuntimeException ex) {
			IN_JVM.unlock();
			throw ex;
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot release cache lock", ex);
		}
		finally {
			IN_JVM.unlock();
		}
	}

}
