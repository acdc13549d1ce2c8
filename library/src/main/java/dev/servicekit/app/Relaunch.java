package dev.servicekit.app;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the app again in a child JVM whose environment the jsii runtime needs, when this one's is not
 * right; a running JVM cannot change its own environment, and the jsii runtime's Node process inherits it:
 * <ul>
 *   <li>The jsii runtime takes its Node from {@code JSII_NODE} and prints an end-of-life banner on the
 *       machine's Node 20. The child gets the pinned Node 22 of {@code npm ci}
 *       ({@code node_modules/node/bin/node}, in the project or a directory above it).</li>
 *   <li>cdktf's {@code App} writes wherever {@code CDKTF_OUTDIR} says, whatever directory it is given, and
 *       the cdktf CLI sets it: servicekit could not stage its output and swap it in whole. The child gets
 *       the directory as {@value #OUTDIR} instead.</li>
 * </ul>
 * A launcher that sets both itself (this project's {@code bin/app}) spares the second JVM.
 */
public final class Relaunch {
    /** Where {@code npm ci} puts the pinned Node, relative to a project with a package.json. */
    public static final Path NODE = Path.of("node_modules", "node", "bin", "node");
    /** The output directory the cdktf CLI asked for, under a name cdktf's App does not read. */
    public static final String OUTDIR = "SERVICEKIT_OUTDIR";
    /**
     * Options of the JVM that runs the app: synthesis is a short run, which the C1 compiler alone serves
     * better than C1 and C2 together (C2's compiles compete for a small machine's cores and rarely pay off
     * in a few seconds). The serial collector: G1's concurrent threads compete for the same cores, and G1 grows
     * the heap it keeps far beyond what synthesis uses (500 services in 1,002 stacks: about 630 MiB resident
     * under G1, 390 MiB under the serial collector, no slower; npm run bench). bin/app passes the same.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** Set in the child, so that it never runs a grandchild. */
    private static final String CHILD = "SERVICEKIT_RELAUNCHED";

    private Relaunch() {}

    /**
     * Re-runs the current program's main class if its environment needs changing: the child's exit code,
     * or empty when this process can go on itself (or no main class is on the stack: a test calling
     * servicekit directly).
     */
    public static Optional<Integer> ifNeeded() throws Exception {
        Optional<Class<?>> main = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> f.getMethodName().equals("main")).reduce((inner, outer) -> outer))
                .map(StackWalker.StackFrame::getDeclaringClass);
        if (main.isEmpty()) {
            return Optional.empty();
        }
        return ifNeeded(main.get(), new String[0]);
    }

    /** As {@link #ifNeeded()}, for {@code main} with {@code args}. */
    public static Optional<Integer> ifNeeded(Class<?> main, String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Optional<Path> node = env.containsKey("JSII_NODE") ? Optional.empty() : find(Path.of("").toAbsolutePath());
        boolean cliOutdir = ProjectSettings.cliOutdir(env).isPresent();
        if (env.containsKey(CHILD) || node.isEmpty() && !cliOutdir) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath(main), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().put(CHILD, "1");
        node.ifPresent(path -> child.environment().put("JSII_NODE", path.toString()));
        if (cliOutdir) {
            child.environment().put(OUTDIR, child.environment().remove("CDKTF_OUTDIR"));
        }
        return Optional.of(child.start().waitFor());
    }

    /** The pinned Node in {@code directory} or the nearest directory above it that has one. */
    static Optional<Path> find(Path directory) {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve(NODE))) {
                return Optional.of(dir.resolve(NODE));
            }
        }
        return Optional.empty();
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
