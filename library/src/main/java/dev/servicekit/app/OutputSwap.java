package dev.servicekit.app;

import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a synthesis into a staging directory next to the output directory and swaps it in only when
 * it is complete: a failed synth leaves the previous output as it was. What Terraform keeps in a stack's
 * directory survives the swap: its working directory ({@code .terraform}, which remembers the backend and
 * so prompts a state migration when the backend changes) and its provider lock file.
 */
public final class OutputSwap {
    /** Terraform's files in {@code stacks/<env>/}: not synthesized, and lost at a price if dropped. */
    public static final List<String> TERRAFORM_FILES = List.of(".terraform", ".terraform.lock.hcl");

    /** Writes into the directory it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path staging) throws Exception;
    }

    private OutputSwap() {}

    /** What marks a directory as a project, never an output: the swap would delete it. */
    private static final List<String> PROJECT_FILES = List.of("cdktf.json", "pom.xml", "package.json", ".git");

    /** As {@link #into(Path, boolean, Writer)}, outside the cdktf CLI. */
    public static void into(Path outdir, Writer writer) throws Exception {
        into(outdir, false, writer);
    }

    /**
     * Writes a synthesis into {@code outdir}, swapping it in whole.
     *
     * @param forTheCli true under the cdktf CLI, which lists the stacks' directories before the app runs and
     *                  removes those of stacks that vanished afterwards (cdktf-cli 0.19's {@code rmSync}
     *                  fails on a directory that is already gone): each one is left empty, for the CLI to remove
     */
    public static void into(Path outdir, boolean forTheCli, Writer writer) throws Exception {
        Path absolute = outdir.toAbsolutePath().normalize();
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        boolean project = PROJECT_FILES.stream().anyMatch(name -> Files.exists(absolute.resolve(name), LinkOption.NOFOLLOW_LINKS));
        if (absolute.getParent() == null || workingDirectory.startsWith(absolute) || project) {
            throw new ConfigurationException(List.of(new Problem("project", "output", "'" + absolute + "' is a "
                    + "project's directory or holds the working directory; synthesis replaces its output directory "
                    + "whole, so name a directory of its own, e.g. cdktf.out")));
        }
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
            keepTerraformFiles(absolute, staging);
            if (forTheCli) {
                leaveVanishedStacks(absolute, staging);
            }
            Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        delete(previous);
    }

    /** Moves Terraform's own files of every stack that is synthesized again into the new output. */
    private static void keepTerraformFiles(Path outdir, Path staging) throws IOException {
        Path stacks = outdir.resolve("stacks");
        if (!Files.isDirectory(stacks)) {
            return;
        }
        try (Stream<Path> previous = Files.list(stacks)) {
            for (Path stack : previous.toList()) {
                Path next = staging.resolve("stacks").resolve(stack.getFileName().toString());
                if (!Files.isDirectory(next)) {
                    continue;
                }
                for (String name : TERRAFORM_FILES) {
                    if (Files.exists(stack.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(stack.resolve(name), next.resolve(name));
                    }
                }
            }
        }
    }

    /** An empty directory in the new output for each stack of the previous one that was not synthesized again. */
    private static void leaveVanishedStacks(Path outdir, Path staging) throws IOException {
        Path stacks = outdir.resolve("stacks");
        if (!Files.isDirectory(stacks)) {
            return;
        }
        try (Stream<Path> previous = Files.list(stacks)) {
            for (Path stack : previous.filter(Files::isDirectory).toList()) {
                Files.createDirectories(staging.resolve("stacks").resolve(stack.getFileName().toString()));
            }
        }
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
