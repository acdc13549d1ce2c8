package dev.servicekit.app;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a main class on the pinned Node 22 from {@code npm ci} (node_modules/node/bin/node): the jsii
 * runtime prints an end-of-life banner on the machine's Node 20 and takes its Node only from the
 * {@code JSII_NODE} environment variable. Started without it (from Maven or an IDE), a main re-runs
 * itself in a child JVM that has it.
 */
public final class PinnedNode {
    /** Where {@code npm ci} puts the pinned Node. */
    public static final Path NODE = Path.of("node_modules", "node", "bin", "node");

    private PinnedNode() {}

    /**
     * The child's exit code when {@code main} had to be re-run with the pinned Node; empty when this
     * process already has it (or there is none to use), and should go on itself.
     */
    public static Optional<Integer> rerunIfNeeded(Class<?> main, String[] args) throws Exception {
        if (System.getenv("JSII_NODE") != null || !Files.isExecutable(NODE)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(main), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().put("JSII_NODE", NODE.toAbsolutePath().toString());
        return Optional.of(child.start().waitFor());
    }

    /** The classpath {@code main} was loaded from: Maven's exec:java loads it in a URL class loader. */
    private static String classpath(Class<?> main) throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = main.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(Path.of(url.toURI()).toString());
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }
}
