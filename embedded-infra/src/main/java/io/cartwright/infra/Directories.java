package io.cartwright.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The few file-tree operations the servers need.
 */
final class Directories {

	private Directories() {
	}

	/**
	 * Tells whether a directory is missing or has no entries.
	 * @param dir the directory
	 * @return {@code true} if there is nothing in it
	 */
	static boolean isMissingOrEmpty(Path dir) {
		if (!Files.isDirectory(dir)) {
			return true;
		}
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + dir, ex);
		}
	}

	/**
	 * Copies a directory tree into another directory, which may already exist.
	 * @param source the tree to copy
	 * @param target where to copy it
	 */
	static void copy(Path source, Path target) {
		try {
			Files.walkFileTree(source, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
					Files.createDirectories(target.resolve(source.relativize(dir)));
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + source + " to " + target, ex);
		}
	}

	/**
	 * Deletes a directory tree; a missing directory is fine.
	 * @param dir the tree to delete
	 */
	static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
					Files.deleteIfExists(visited);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + dir, ex);
		}
	}

}
