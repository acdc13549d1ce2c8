package dev.servicekit.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a servicekit app takes from its project: cdktf.json's {@code context} and {@code output}, and
 * where to write. Under {@code cdktf synth} the CLI passes the context ({@code CDKTF_CONTEXT_JSON}) and the
 * output directory ({@code CDKTF_OUTDIR}); run directly (from Maven or an IDE) the app reads cdktf.json in
 * the working directory, so both give the same stacks.
 *
 * @param context         cdktf.json's {@code context}
 * @param outputDirectory cdktf.json's {@code output}, as written there (default {@value #DEFAULT_OUTPUT})
 * @param outdir          where to write: the CLI's {@code CDKTF_OUTDIR} (as {@value Relaunch#OUTDIR} once
 *                        relaunched), else the output directory
 */
public record ProjectSettings(Map<String, Object> context, String outputDirectory, Path outdir) {
    public static final String CDKTF_JSON = "cdktf.json";
    public static final String DEFAULT_OUTPUT = "cdktf.out";

    /** The cdktf CLI's output directory, when the app runs under the CLI: {@code CDKTF_OUTDIR}, unless empty. */
    public static java.util.Optional<String> cliOutdir(Map<String, String> env) {
        return java.util.Optional.ofNullable(env.get("CDKTF_OUTDIR")).filter(dir -> !dir.isBlank());
    }

    /** The settings of the project in {@code directory}, as the environment variables {@code env} complete them. */
    public static ProjectSettings read(Path directory, Map<String, String> env) {
        ObjectMapper json = new ObjectMapper();
        Path file = directory.resolve(CDKTF_JSON);
        String fromCli = env.get("CDKTF_CONTEXT_JSON");
        JsonNode project = null;
        if (Files.isRegularFile(file)) {
            try {
                project = json.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                String at = e.getLocation() == null ? ""
                        : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
                throw problem(file.toAbsolutePath().normalize() + at + ": not valid JSON: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""));
            } catch (IOException e) {
                throw problem("cannot be read: " + e.getMessage());
            }
            if (!project.isObject()) {
                throw problem("expected an object, as cdktf init writes it");
            }
        } else if (fromCli == null) {
            throw problem("no " + CDKTF_JSON + " in " + directory.toAbsolutePath().normalize() + ": run the app from the "
                    + "project's directory (the one with cdktf.json), or through `cdktf synth`");
        }
        JsonNode node;
        try {
            // The CLI passes cdktf.json's context as it is, whatever its type.
            node = fromCli != null && !fromCli.isBlank() ? json.readTree(fromCli) : project.path("context");
        } catch (JsonProcessingException e) {
            throw problem("context: not valid JSON (as the CLI passed it in CDKTF_CONTEXT_JSON): " + e.getOriginalMessage());
        }
        if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw problem("context: expected an object, got " + (node.isTextual() ? "a string"
                    : node.isArray() ? "a list" : node.isNumber() ? "a number" : node.getNodeType().toString().toLowerCase()));
        }
        Map<String, Object> context = node != null && node.isObject()
                ? json.convertValue(node, new TypeReference<>() {}) : Map.of();
        String output = project == null ? DEFAULT_OUTPUT : project.path("output").asText(DEFAULT_OUTPUT);
        Path projectDirectory = directory.toAbsolutePath().normalize();
        if (output.isBlank() || projectDirectory.startsWith(projectDirectory.resolve(output).normalize())) {
            throw problem("output: '" + output + "' is the project's directory or holds it; synthesis "
                    + "replaces its output directory whole, so name a directory of its own, e.g. " + DEFAULT_OUTPUT);
        }
        Path outdir = java.util.Optional.ofNullable(env.get(Relaunch.OUTDIR)).filter(dir -> !dir.isBlank())
                .or(() -> cliOutdir(env)).map(Path::of).orElse(directory.resolve(output));
        return new ProjectSettings(context, output, outdir);
    }

    private static ConfigurationException problem(String message) {
        return new ConfigurationException(List.of(new Problem("project", CDKTF_JSON, message)));
    }
}
