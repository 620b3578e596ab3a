package dev.nostdwasm.wasitests;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Runs one case under one runner the same way every time: a fresh working directory holding a copy of
 * the fixture as the preopened directory, and a snapshot of the whole working directory afterwards, so
 * that a file the guest put outside the preopen shows up as a difference.
 */
final class CaseRun {

    /** The preopened directory's name inside the working directory of a run. */
    static final String PREOPEN = "preopen";

    private CaseRun() {
    }

    static Outcome run(WasiRunner runner, WasiCase c) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("wasi-case-");
        try {
            Path preopen = work.resolve(PREOPEN);
            if (c.fixture() != null) {
                copyTree(c.fixture(), preopen);
            } else {
                Files.createDirectory(preopen);
            }
            for (String dir : c.emptyDirs()) {
                Files.createDirectories(preopen.resolve(dir));
            }
            ProgramResult result = runner.run(c, preopen);
            return new Outcome(result, DirectoryTree.of(work));
        } finally {
            deleteTree(work);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes without following links: a link the guest made may point anywhere. */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                // The guest may have left a directory without the write bit.
                dir.toFile().setWritable(true);
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
