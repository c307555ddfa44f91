package io.mpqc.conformance.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The layout of the report base directory: one directory per run named by its UTC start time
 * ({@code 2025-11-24T22-30-05Z}, sorting chronologically and valid on every file system), and
 * {@code latest} pointing at the newest run: a relative symbolic link, or a copy where links are not
 * possible.
 */
public final class ReportDirectory {
    /** The name of the entry that points at the newest run. */
    public static final String LATEST = "latest";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private ReportDirectory() {
    }

    /** How {@code latest} was made. */
    public enum LatestKind { SYMLINK, COPY }

    /**
     * Creates {@code base} if needed and a fresh run directory in it; a second run in the same second gets
     * a {@code -2}, {@code -3}... suffix.
     */
    public static Path createRun(Path base, Instant start) throws IOException {
        Files.createDirectories(base);
        String stamp = STAMP.format(start);
        Path dir = base.resolve(stamp);
        for (int n = 2; ; n++) {
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                dir = base.resolve(stamp + "-" + n);
            }
        }
    }

    /** Points {@code base/latest} at {@code run} (a directory in {@code base}): symlink, else copy. */
    public static LatestKind linkLatest(Path base, Path run) throws IOException {
        return linkLatest(base, run, true);
    }

    static LatestKind linkLatest(Path base, Path run, boolean trySymlink) throws IOException {
        Path latest = base.resolve(LATEST);
        if (trySymlink) {
            Path tmp = base.resolve(".latest-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            try {
                Files.createSymbolicLink(tmp, run.getFileName());
            } catch (UnsupportedOperationException | IOException | SecurityException e) {
                trySymlink = false; // e.g. Windows without the privilege, or a FAT file system
            }
            if (trySymlink) {
                try {
                    if (Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(latest); // an earlier copy
                    }
                    // rename(2) replaces an existing link atomically: readers never see no 'latest'.
                    Files.move(tmp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return LatestKind.SYMLINK;
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
        if (Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(latest);
        } else {
            Files.deleteIfExists(latest);
        }
        copyTree(run, latest);
        return LatestKind.COPY;
    }

    /** A one-line reason for an I/O failure, e.g. {@code reports: permission denied}. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            String what;
            if (e instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (e instanceof FileAlreadyExistsException) {
                what = "exists and is not a directory";
            } else if (e instanceof NoSuchFileException) {
                what = "no such file or directory";
            } else if (e instanceof NotDirectoryException) {
                what = "not a directory";
            } else if (e instanceof DirectoryNotEmptyException) {
                what = "directory not empty";
            } else {
                what = fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
            }
            return (fse.getFile() != null ? fse.getFile() + ": " : "") + what;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
