package dev.servicekit.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a synthesis into a staging directory next to the output directory and swaps it in only when
 * it is complete: a failed synth leaves the previous output as it was.
 */
public final class OutputSwap {
    /** Writes into the directory it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path staging) throws Exception;
    }

    private OutputSwap() {}

    public static void into(Path outdir, Writer writer) throws Exception {
        Path absolute = outdir.toAbsolutePath().normalize();
        Path staging = absolute.resolveSibling(absolute.getFileName() + ".staging");
        Path previous = absolute.resolveSibling(absolute.getFileName() + ".previous");
        delete(staging);
        delete(previous);
        Files.createDirectories(staging);
        try {
            writer.writeTo(staging);
        } catch (Exception | Error e) {
            delete(staging);
            throw e;
        }
        if (Files.exists(absolute)) {
            Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        delete(previous);
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
