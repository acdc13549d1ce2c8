package dev.servicekit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;
import dev.servicekit.snapshot.StackJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Moves an environment from one state to a state per stack without recreating anything: the {@code terraform state
 * mv} steps that take each resource of the environment's one stack into the state of the stack that now declares
 * it. Resource addresses do not change between layouts ({@code <service>_<part>}, {@code network_*}, ...), so
 * every resource moves under its own address; only which state holds it changes.
 *
 * <p>It compares two syntheses, which need no cloud access: the environment's one stack as it was (its committed
 * snapshot, {@code stacks/<env>.tf.json}, before the snapshots are updated) and its new stacks
 * ({@code cdktf.out/stacks/<env>-*}, after {@code "stacks": "service"} or {@code "owner"} and a synth). It writes a
 * bash script and, on request, runs it:
 * <ul>
 *   <li>local state ({@code terraform.<env>.tfstate} in the project): {@code terraform state mv -state=... -state-out=...}
 *   on the files themselves, after a copy of the original;</li>
 *   <li>any other backend (S3, HCP Terraform): {@code terraform state pull} of the old state through a directory
 *   holding only its backend block, the same moves on local copies, then {@code terraform state push} into each new
 *   stack's backend, through a directory holding only its backend block. The old state is left as it was, a
 *   backup to delete once every new stack plans without changes.</li>
 * </ul>
 * Either way the script refuses to finish when a managed resource is left behind, and nothing reaches AWS.
 *
 * <p>Usage, from the project directory: {@code mvn -q compile exec:java -Dexec.mainClass=dev.servicekit.app.StateMigration
 * -Dexec.args="prod"}, options {@code --from <stack JSON>} (default {@code stacks/<env>.tf.json}), {@code --to <dir>}
 * (default {@code cdktf.out/stacks}), {@code --script <file>} (default {@code migrate-<env>.sh}), {@code --run}.
 */
public final class StateMigration {
    /** Where a pull-and-push migration keeps its working directories and state copies, beside cdktf.out. */
    public static final String WORK_DIRECTORY = ".servicekit-migration";

    /** How the script reaches the states. */
    public enum Mode {
        /** {@code -state}/{@code -state-out} on the local state files. */
        LOCAL_FILES,
        /** {@code state pull}, moves on local copies, {@code state push}: for remote backends. */
        PULL_AND_PUSH
    }

    /** One resource, by address, into the stack that now declares it. */
    public record Move(String address, String stack) {}

    /**
     * The moves of one environment.
     *
     * @param from         the environment's one stack, e.g. {@code prod}
     * @param fromBackend  its {@code terraform.backend} (or {@code cloud}) block, as synthesized
     * @param toBackends   each new stack's, by name, in the order of the new stacks
     * @param moves        every managed resource of the one stack, to the stack that declares it now
     */
    public record Plan(String from, ObjectNode fromBackend, Map<String, ObjectNode> toBackends, List<Move> moves) {
        /** How many resources go to each stack. */
        public Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            toBackends.keySet().forEach(stack -> counts.put(stack, 0));
            moves.forEach(move -> counts.merge(move.stack(), 1, Integer::sum));
            return counts;
        }

        /** Local files when both sides keep their state in local files, else pull and push. */
        public Mode mode() {
            boolean local = fromBackend.has("backend") && fromBackend.path("backend").has("local")
                    && toBackends.values().stream().allMatch(b -> b.path("backend").has("local"));
            return local ? Mode.LOCAL_FILES : Mode.PULL_AND_PUSH;
        }
    }

    private StateMigration() {}

    /**
     * The moves from {@code from} (the one stack's JSON) into {@code to} (the new stacks' JSON, by name). Throws a
     * {@link ConfigurationException} when a managed resource of the one stack is in none of the new stacks (it
     * would be destroyed) or in more than one.
     */
    public static Plan plan(String fromName, JsonNode from, Map<String, JsonNode> to) {
        Map<String, List<String>> declaredIn = new LinkedHashMap<>();
        to.forEach((stack, json) -> addresses(json).forEach(address ->
                declaredIn.computeIfAbsent(address, a -> new ArrayList<>()).add(stack)));
        List<Move> moves = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String address : addresses(from)) {
            List<String> stacks = declaredIn.getOrDefault(address, List.of());
            if (stacks.size() == 1) {
                moves.add(new Move(address, stacks.get(0)));
            } else if (stacks.isEmpty()) {
                problems.add(new Problem(fromName, address, "is in no new stack of " + fromName + ": moving the state "
                        + "would leave it behind, and the next deploy of " + fromName + "'s stacks would not manage it; "
                        + "synthesize the new layout from the same catalog first"));
            } else {
                problems.add(new Problem(fromName, address, "is declared by several new stacks " + stacks
                        + ": each resource belongs in one state"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        Map<String, ObjectNode> backends = new LinkedHashMap<>();
        to.forEach((stack, json) -> backends.put(stack, backendOf(json)));
        return new Plan(fromName, backendOf(from), backends, moves);
    }

    /** Every managed resource's address in a stack's JSON, {@code <type>.<name>}, in the order written. */
    static List<String> addresses(JsonNode stack) {
        List<String> addresses = new ArrayList<>();
        stack.path("resource").fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(name -> addresses.add(type.getKey() + "." + name)));
        return addresses;
    }

    /** The stack's {@code terraform} settings that say where its state lives: {@code backend} or {@code cloud}. */
    private static ObjectNode backendOf(JsonNode stack) {
        ObjectNode backend = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        JsonNode terraform = stack.path("terraform");
        for (String key : List.of("backend", "cloud")) {
            if (terraform.has(key)) {
                backend.set(key, terraform.get(key).deepCopy());
            }
        }
        return backend;
    }

    /**
     * The bash script that moves the state, to run from the project directory.
     *
     * @param output the cdktf output directory as cdktf.json names it: local state paths in the stacks are relative
     *               to {@code <output>/stacks/<stack>}, and the pull-and-push directories sit at that depth too
     */
    public static String script(Plan plan, Mode mode, String output) {
        StringBuilder script = new StringBuilder();
        Map<String, Integer> counts = plan.counts();
        script.append("#!/usr/bin/env bash\n")
                .append("# Moves ").append(plan.from()).append("'s state into the states of its ").append(counts.size())
                .append(" stacks, resource by resource (written by servicekit's StateMigration; nothing here reaches AWS):\n");
        counts.forEach((stack, count) -> script.append("#   ").append(stack).append(": ").append(count)
                .append(count == 1 ? " resource\n" : " resources\n"));
        script.append("# Run it from the project directory, once, before the first deploy of the new stacks.\n")
                .append("set -euo pipefail\n")
                .append("export CHECKPOINT_DISABLE=1\n")
                .append("[ -f \"${TF_CLI_CONFIG_FILE:-/}\" ] || unset TF_CLI_CONFIG_FILE\n\n");
        if (mode == Mode.LOCAL_FILES) {
            localFiles(plan, script, output);
        } else {
            pullAndPush(plan, script, output);
        }
        return script.toString();
    }

    private static void localFiles(Plan plan, StringBuilder script, String output) {
        String from = statePath(plan.fromBackend(), plan.from(), output);
        script.append("from=").append(quote(from)).append('\n')
                .append("if [ ! -f \"$from\" ]; then echo \"no state $from to move: nothing was deployed from it, or it moved already\" >&2; exit 1; fi\n");
        for (String stack : plan.toBackends().keySet()) {
            String to = statePath(plan.toBackends().get(stack), stack, output);
            script.append("if [ -e ").append(quote(to)).append(" ]; then echo \"").append(to)
                    .append(" exists already: the stack has a state of its own; not moving into it\" >&2; exit 1; fi\n");
        }
        script.append("cp \"$from\" \"$from.before-split\"\n")
                .append(backups(plan.from())).append('\n');
        for (Move move : plan.moves()) {
            String to = statePath(plan.toBackends().get(move.stack()), move.stack(), output);
            script.append("terraform state mv ").append(BACKUP_OPTIONS).append(" -state=\"$from\" -state-out=")
                    .append(quote(to)).append(' ').append(quote(move.address())).append(' ').append(quote(move.address()))
                    .append(" >/dev/null\n");
        }
        script.append('\n').append(leftBehind("terraform state list -state=\"$from\""))
                .append("echo \"").append(plan.from()).append(": ").append(plan.moves().size())
                .append(" resources moved; the original state is kept as $from.before-split\"\n");
    }

    private static void pullAndPush(Plan plan, StringBuilder script, String output) {
        // The backend-only directories sit as deep as <output>/stacks/<stack>, so relative local paths resolve alike.
        String work = WORK_DIRECTORY + "/" + plan.from();
        String root = work + "/x".repeat(Math.max(0, Path.of(output, "stacks").normalize().getNameCount() - 2));
        script.append("work=").append(quote(root)).append('\n')
                .append("states=\"$PWD/").append(work).append("/states\"\n")
                .append("rm -rf ").append(quote(WORK_DIRECTORY + "/" + plan.from())).append(" && mkdir -p \"$states\"\n\n")
                .append("# The old state, through a directory holding nothing but its backend.\n");
        backendDirectory(script, "$work/from-" + plan.from(), plan.fromBackend());
        script.append("terraform -chdir=\"$work/from-").append(plan.from()).append("\" init -input=false >/dev/null\n")
                .append("terraform -chdir=\"$work/from-").append(plan.from()).append("\" state pull > \"$states/")
                .append(plan.from()).append(".tfstate\"\n")
                .append("from=\"$states/").append(plan.from()).append(".tfstate\"\n\n");
        script.append(backups(plan.from()));
        for (Move move : plan.moves()) {
            script.append("terraform state mv ").append(BACKUP_OPTIONS).append(" -state=\"$from\" -state-out=\"$states/")
                    .append(move.stack())
                    .append(".tfstate\" ").append(quote(move.address())).append(' ').append(quote(move.address()))
                    .append(" >/dev/null\n");
        }
        script.append('\n').append(leftBehind("terraform state list -state=\"$from\""))
                .append("\n# Each new stack's state, pushed through a directory holding nothing but its backend.\n");
        for (Map.Entry<String, ObjectNode> stack : plan.toBackends().entrySet()) {
            String dir = "$work/" + stack.getKey();
            backendDirectory(script, dir, stack.getValue());
            script.append("terraform -chdir=\"").append(dir).append("\" init -input=false >/dev/null\n")
                    .append("terraform -chdir=\"").append(dir).append("\" state push \"$states/")
                    .append(stack.getKey()).append(".tfstate\"\n");
        }
        script.append("echo \"").append(plan.from()).append(": ").append(plan.moves().size())
                .append(" resources moved; the old state is untouched: delete it once every new stack plans without changes\"\n");
    }

    /**
     * Where each {@code state mv} writes the backups Terraform insists on (one per file and call, else a timestamped
     * file per move beside each state): one file each, overwritten, in the migration's own directory. The script
     * keeps the original state itself.
     */
    private static final String BACKUP_OPTIONS = "-backup=\"$backups/from.backup\" -backup-out=\"$backups/to.backup\"";

    private static String backups(String environment) {
        return "backups=" + quote(WORK_DIRECTORY + "/" + environment + "/backups") + "\nmkdir -p \"$backups\"\n";
    }

    private static void backendDirectory(StringBuilder script, String dir, ObjectNode backend) {
        ObjectNode config = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        config.set("terraform", backend);
        script.append("mkdir -p \"").append(dir).append("\"\ncat > \"").append(dir).append("/main.tf.json\" <<'JSON'\n")
                .append(StackJson.render(config).strip()).append("\nJSON\n");
    }

    private static String leftBehind(String list) {
        return "left=$(" + list + " | grep -v '^data\\.' || true)\n"
                + "if [ -n \"$left\" ]; then echo \"left behind in the old state:\" >&2; echo \"$left\" >&2; exit 1; fi\n";
    }

    /**
     * A local backend's state file, as seen from the project directory: the path is relative to the stack's
     * directory, {@code <output>/stacks/<stack>}.
     */
    static String statePath(ObjectNode backend, String stack, String output) {
        String path = backend.path("backend").path("local").path("path").asText("terraform.tfstate");
        Path file = Path.of(path);
        return file.isAbsolute() ? path : Path.of(output, "stacks", stack).resolve(file).normalize().toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The new stacks of {@code environment} in {@code stacks} (a cdktf output's {@code stacks} directory), by name. */
    public static Map<String, JsonNode> newStacks(Path stacks, String environment) throws IOException {
        Map<String, JsonNode> found = new TreeMap<>();
        if (Files.isDirectory(stacks)) {
            try (Stream<Path> listed = Files.list(stacks)) {
                for (Path stack : listed.filter(Files::isDirectory).toList()) {
                    String name = stack.getFileName().toString();
                    Path file = stack.resolve("cdk.tf.json");
                    if (name.startsWith(environment + "-") && Files.isRegularFile(file)) {
                        found.put(name, StackJson.parse(Files.readString(file)));
                    }
                }
            }
        }
        // The platform first: the order a reader expects, and the order of deployment.
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        found.entrySet().stream().filter(e -> e.getKey().endsWith("-platform")).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        found.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** Writes the script (and with {@code --run} runs it); see the class comment. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), Path.of(""), System.out, System.err));
    }

    /** {@link #main}, returning the exit code: 0, 1 for bad input, 2 when the script failed. */
    public static int run(List<String> args, Path project, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.of(args);
            ProjectSettings settings = ProjectSettings.read(project, Map.of());
            String environment = arguments.environment();
            Path fromFile = project.resolve(arguments.from().orElse("stacks/" + environment + ".tf.json"));
            Path stacks = project.resolve(arguments.to().orElse(settings.outputDirectory() + "/stacks"));
            if (!Files.isRegularFile(fromFile)) {
                throw problem(environment, "--from", "no " + fromFile + ": the environment's one stack as it was "
                        + "(its snapshot before the layout changed, or its cdk.tf.json from the last synth)");
            }
            Map<String, JsonNode> to = newStacks(stacks, environment);
            if (to.isEmpty()) {
                throw problem(environment, "--to", "no stack " + environment + "-* in " + stacks + ": set \"stacks\": "
                        + "\"service\" (or \"owner\") for " + environment + " in cdktf.json and synthesize first");
            }
            Plan plan = plan(environment, StackJson.parse(Files.readString(fromFile)), to);
            Path script = project.resolve(arguments.script().orElse("migrate-" + environment + ".sh"));
            Files.writeString(script, script(plan, plan.mode(), settings.outputDirectory()));
            script.toFile().setExecutable(true);
            out.println("servicekit: " + plan.moves().size() + " resources of " + environment + " into "
                    + plan.counts().size() + " stacks (" + (plan.mode() == Mode.LOCAL_FILES ? "local state files"
                    : "state pull, mv and push") + "): " + script);
            if (!arguments.run()) {
                out.println("Review it, then run it from the project directory: bash "
                        + project.toAbsolutePath().normalize().relativize(script.toAbsolutePath().normalize()));
                return 0;
            }
            Process process = new ProcessBuilder("bash", script.toAbsolutePath().toString())
                    .directory(project.toAbsolutePath().toFile()).inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                err.println("servicekit: " + script + " failed (exit " + exit + "); its output above says where");
                return 2;
            }
            return 0;
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | InterruptedException e) {
            err.println("servicekit: the state migration failed: " + e);
            return 2;
        }
    }

    private static ConfigurationException problem(String environment, String field, String message) {
        return new ConfigurationException(List.of(new Problem(environment, field, message)));
    }

    /** The command line: an environment, then options. */
    record Arguments(String environment, Optional<String> from, Optional<String> to, Optional<String> script,
                     boolean run) {
        static Arguments of(List<String> args) {
            String environment = null;
            Map<String, String> options = new LinkedHashMap<>();
            boolean run = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--run")) {
                    run = true;
                } else if (List.of("--from", "--to", "--script").contains(arg) && i + 1 < args.size()) {
                    options.put(arg, args.get(++i));
                } else if (!arg.startsWith("--") && environment == null) {
                    environment = arg;
                } else {
                    throw problem("state migration", arg, "unknown argument; usage: <environment> [--from <stack JSON>] "
                            + "[--to <stacks directory>] [--script <file>] [--run]");
                }
            }
            if (environment == null) {
                throw problem("state migration", "environment", "name the environment to split, e.g. prod");
            }
            return new Arguments(environment, Optional.ofNullable(options.get("--from")),
                    Optional.ofNullable(options.get("--to")), Optional.ofNullable(options.get("--script")), run);
        }
    }
}
