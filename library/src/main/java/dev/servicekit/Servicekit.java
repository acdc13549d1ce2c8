package dev.servicekit;

import dev.servicekit.app.OutputSwap;
import dev.servicekit.app.Relaunch;
import dev.servicekit.app.ProjectSettings;
import dev.servicekit.app.ServicekitApp;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * servicekit's entry point: a team's whole cdktf app is its catalog.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Servicekit.synth(Catalog.of(
 *             Service.worker("mailer", "public.ecr.aws/docker/library/busybox:1.36").owner("growth")));
 * }
 * }</pre>
 *
 * It reads cdktf.json's context (from {@code cdktf synth}, or the file when run directly), validates the
 * catalog and every environment, synthesizes one stack per environment into {@code CDKTF_OUTDIR} (or
 * cdktf.json's {@code output}), and exits: 0 when done, 1 with one message listing every problem of bad
 * input, 2 for any other failure. Output is written beside the output directory and swapped in whole, so a
 * failure leaves the previous output as it was. The jsii runtime runs on the pinned Node 22 of
 * {@code npm ci} ({@code node_modules/node/bin/node}) when there is one.
 */
public final class Servicekit {
    /** Exit codes: success, invalid input, any other failure. */
    public static final int OK = 0;
    public static final int INVALID_CONFIGURATION = 1;
    public static final int FAILED = 2;
    /** The environment variable that names a file for servicekit's messages (see {@code bin/cdktf}). */
    public static final String MESSAGES = "SERVICEKIT_MESSAGES";

    private Servicekit() {}

    /** Synthesizes {@code catalog} in the environments cdktf.json names (stage and prod when it names none), and exits. */
    public static void synth(Catalog catalog) {
        synth(catalog, new Environment[0]);
    }

    /**
     * Synthesizes {@code catalog} in {@code environments} (built in Java, e.g.
     * {@code Environment.prod().toBuilder().region("eu-west-1").build()}), which cdktf.json's context may
     * adapt by name, and exits. With none given, the environments are cdktf.json's.
     */
    public static void synth(Catalog catalog, Environment... environments) {
        int exit;
        PrintStream err = messages(System.getenv());
        try {
            exit = Relaunch.ifNeeded().orElseGet(() -> run(catalog, environments == null ? null
                    : Arrays.asList(environments), System.getenv(), Path.of(""), err));
        } catch (Exception | Error e) {
            err.println("servicekit: synthesis failed: " + e);
            exit = FAILED;
        }
        err.flush();
        // The jsii runtime's Node process would otherwise keep the JVM alive.
        System.exit(exit);
    }

    /**
     * Where the user reads servicekit's messages: standard error, or the file {@value #MESSAGES} names. The cdktf
     * CLI shows what an app writes twice when it fails (as it comes, and again in its summary), so the project's
     * {@code bin/cdktf} names a file, and shows it once after the CLI's own lines.
     */
    static PrintStream messages(Map<String, String> env) {
        String file = env.get(MESSAGES);
        if (file == null || file.isBlank()) {
            return System.err;
        }
        try {
            return new PrintStream(new java.io.FileOutputStream(file, true), true, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return System.err;
        }
    }

    /**
     * Synthesizes {@code catalog} for the project in {@code projectDirectory}, with {@code env} as its
     * environment variables, and returns the exit code; messages go to {@code err}.
     */
    public static int run(Catalog catalog, List<Environment> environments, Map<String, String> env,
                          Path projectDirectory, PrintStream err) {
        try {
            requireInput(catalog, environments);
            ProjectSettings project = ProjectSettings.read(projectDirectory, env);
            return run(catalog, environments, project.context(), project.outputDirectory(), project.outdir(), err);
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return INVALID_CONFIGURATION;
        }
    }

    /**
     * Validates and synthesizes {@code catalog} into {@code outdir}, which is replaced only when the whole
     * synthesis succeeded, and returns the exit code.
     *
     * @param outputDirectory cdktf.json's {@code output}, relative to the project (for the local state path)
     */
    public static int run(Catalog catalog, List<Environment> environments, Map<String, Object> context,
                          String outputDirectory, Path outdir, PrintStream err) {
        try {
            requireInput(catalog, environments);
            if (ProjectSettings.cliOutdir(System.getenv()).isPresent()) {
                // cdktf's App writes where CDKTF_OUTDIR says, and nothing can stage it (see Relaunch).
                new ServicekitApp(catalog, environments, context, outputDirectory, outdir.toString()).synth();
            } else {
                boolean forTheCli = java.util.Optional.ofNullable(System.getenv(Relaunch.OUTDIR))
                        .filter(dir -> !dir.isBlank()).isPresent();
                OutputSwap.into(outdir, forTheCli, staging -> new ServicekitApp(catalog, environments, context,
                        outputDirectory, staging.toString()).synth());
            }
            return OK;
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return INVALID_CONFIGURATION;
        } catch (Exception | Error e) {
            err.println("servicekit: synthesis failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private static void requireInput(Catalog catalog, List<Environment> environments) {
        if (catalog == null) {
            throw new ConfigurationException(List.of(new Problem("catalog", "catalog",
                    "must not be null: Servicekit.synth(Catalog.of(Service.worker(...), ...))")));
        }
        if (environments == null || environments.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ConfigurationException(List.of(new Problem("environments", "environments",
                    "must not be null; give none to use cdktf.json's")));
        }
    }
}
