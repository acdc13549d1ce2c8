package dev.servicekit.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the Terraform binary of these machines (1.10+) in a directory, offline: no registry, no cloud. */
public final class TerraformCli {
    public record Result(int exit, String output) {}

    private TerraformCli() {}

    public static Result run(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("terraform", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("TF_IN_AUTOMATION", "1");
        String config = env.get("TF_CLI_CONFIG_FILE");
        if (config != null && !new File(config).isFile()) {
            env.remove("TF_CLI_CONFIG_FILE");
        }
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException e) {
            throw new AssertionError("the terraform binary (1.10+) must be on PATH for this test", e);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("terraform " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
