package dev.servicekit.app;

import dev.servicekit.Servicekit;

import dev.servicekit.support.LargeCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints how long synthesizing stage and prod takes, and the heap it uses, for catalogs of growing size.
 * A benchmark, not a test: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.servicekit.app.SynthBenchmark}.
 */
public final class SynthBenchmark {
    private SynthBenchmark() {}

    public static void main(String[] args) throws Exception {
        java.util.Optional<Integer> rerun = Relaunch.ifNeeded(SynthBenchmark.class, args);
        if (rerun.isPresent()) {
            System.exit(rerun.get());
        }
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 10, 50, 100};
        Runtime runtime = Runtime.getRuntime();
        // The first synth pays for loading the jsii runtime and the provider modules.
        long warmStart = System.nanoTime();
        Servicekit.run(LargeCatalog.of(1), java.util.List.of(), Map.of(), "cdktf.out", Files.createTempDirectory("bench").resolve("out"), System.err);
        System.out.printf("warm-up (jsii runtime start, provider load): %.1f s%n", (System.nanoTime() - warmStart) / 1e9);
        System.out.println("services  seconds  heap-used-MiB  stage.tf.json-KiB");
        for (int size : sizes) {
            Path out = Files.createTempDirectory("bench").resolve("out");
            System.gc();
            long start = System.nanoTime();
            int exit = Servicekit.run(LargeCatalog.of(size), java.util.List.of(), Map.of(), "cdktf.out", out, System.err);
            double seconds = (System.nanoTime() - start) / 1e9;
            long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            long stageKib = Files.size(out.resolve("stacks/stage/cdk.tf.json")) >> 10;
            System.out.printf("%8d  %7.1f  %13d  %17d%s%n", size, seconds, heap, stageKib, exit == 0 ? "" : "  FAILED");
        }
        System.exit(0);
    }
}
