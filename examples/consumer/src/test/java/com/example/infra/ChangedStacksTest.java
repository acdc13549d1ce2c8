package com.example.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/changed-stacks, which gives the CI workflow (.github/workflows/plan.yml) the stacks to plan: exactly those
 * whose snapshot a change touches, in a repository of its own with git's real history.
 */
class ChangedStacksTest {
    private static final Path SCRIPT = Path.of("bin/changed-stacks").toAbsolutePath();

    @Test
    void theStacksToPlanAreThoseWhoseSnapshotChanged(@TempDir Path repository) throws Exception {
        git(repository, "init", "-q", "-b", "main");
        write(repository, "stacks/dev.tf.json", "{}");
        write(repository, "stacks/stage.tf.json", "{}");
        write(repository, "stacks/prod/prod-platform.tf.json", "{}");
        write(repository, "stacks/prod/prod-invoices.tf.json", "{}");
        write(repository, "stacks/prod/prod-portal.tf.json", "{}");
        commit(repository, "the reviewed stacks");
        git(repository, "checkout", "-q", "-b", "change");
        // A new line in prod's per-service layout, a changed line everywhere, a retired stack, other files.
        write(repository, "stacks/prod/prod-mailer.tf.json", "{\"new\": true}");
        write(repository, "stacks/prod/prod-invoices.tf.json", "{\"changed\": true}");
        write(repository, "stacks/stage.tf.json", "{\"changed\": true}");
        Files.delete(repository.resolve("stacks/prod/prod-portal.tf.json"));
        write(repository, "src/main/java/Infrastructure.java", "// the catalog");
        write(repository, "stacks/README.md", "not a snapshot");
        commit(repository, "a change");
        // The base moves on meanwhile: a pull request's diff is against the merge base, not the base's tip.
        git(repository, "checkout", "-q", "main");
        write(repository, "stacks/dev.tf.json", "{\"elsewhere\": true}");
        commit(repository, "another pull request, merged");
        git(repository, "checkout", "-q", "change");

        Result result = run(repository, "main");

        assertEquals(0, result.exit(), result.stderr());
        assertEquals("[\"prod-invoices\",\"prod-mailer\",\"stage\"]\n", result.stdout());
        assertTrue(result.stderr().contains("prod-portal is no longer synthesized"), result.stderr());
    }

    @Test
    void noChangedSnapshotPlansNothing(@TempDir Path repository) throws Exception {
        git(repository, "init", "-q", "-b", "main");
        write(repository, "stacks/prod.tf.json", "{}");
        commit(repository, "the reviewed stack");
        git(repository, "checkout", "-q", "-b", "docs");
        write(repository, "README.md", "docs only");
        commit(repository, "docs");

        Result result = run(repository, "main");

        assertEquals(0, result.exit(), result.stderr());
        assertEquals("[]\n", result.stdout());
        assertEquals(2, run(repository).exit(), "a base revision is required");
    }

    record Result(int exit, String stdout, String stderr) {}

    private static Result run(Path repository, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        return exec(repository, command);
    }

    private static void commit(Path repository, String message) throws Exception {
        git(repository, "add", "-A");
        git(repository, "-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", message);
    }

    private static void git(Path repository, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Result result = exec(repository, command);
        assertEquals(0, result.exit(), "git " + String.join(" ", args) + ": " + result.stderr());
    }

    private static Result exec(Path directory, List<String> command) throws Exception {
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void write(Path repository, String file, String content) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
