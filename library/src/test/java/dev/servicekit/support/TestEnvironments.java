package dev.servicekit.support;

import dev.servicekit.alerting.Preset;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.StateBackend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Environments as a team's cdktf.json names them: the presets with alert handles (servicekit invents none) and,
 * for prod, a default runbook and a local state file kept on purpose. The tests build every environment through here, so that what a
 * test does not set is what a real repository sets.
 */
public final class TestEnvironments {
    /** Stage never pages: symptoms and everything else go to its chat handle. */
    public static final String STAGE_CHAT = "@slack-servicekit-stage";
    public static final String PROD_PAGE = "@pagerduty-servicekit-prod";
    public static final String PROD_CHAT = "@slack-servicekit-prod";
    /** Every prod page links a runbook: the environment's default, where a line gives none. */
    public static final String PROD_RUNBOOK = "https://runbooks.example.com/prod";

    private TestEnvironments() {}

    public static Environment stage() {
        return Environment.stage().toBuilder().alerts(STAGE_CHAT, STAGE_CHAT).build();
    }

    public static Environment prod() {
        Environment prod = Environment.prod().toBuilder().alerts(PROD_PAGE, PROD_CHAT).state(StateBackend.Local.ON_PURPOSE)
                .build();
        return prod.toBuilder().monitoring(prod.monitoring().toBuilder().runbook(PROD_RUNBOOK).build()).build();
    }

    public static java.util.List<Environment> stageAndProd() {
        return java.util.List.of(stage(), prod());
    }

    public static Environment of(String name, Preset preset) {
        return (preset == Preset.PROD ? prod() : stage()).toBuilder().name(name).build();
    }

    /** cdktf.json's context with stage and prod as a team names them. */
    public static Map<String, Object> context() {
        return context(Map.of(), Map.of());
    }

    /** {@link #context()} with more settings for stage and for prod. */
    public static Map<String, Object> context(Map<String, Object> stage, Map<String, Object> prod) {
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("stage", stage);
        environments.put("prod", prod);
        return context(Map.of("servicekit", environments));
    }

    /**
     * cdktf.json's {@code context} completed with what the test leaves out: stage's handles for every environment
     * (in {@code servicekitDefaults}), prod's handles, default runbook and local state on purpose in each prod-preset
     * environment.
     * A context whose {@code servicekit} is not an object is left as it is (a test of that error).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> context(Map<String, ?> given) {
        Map<String, Object> context = new LinkedHashMap<>(given == null ? Map.of() : given);
        Object defaults = context.getOrDefault("servicekitDefaults", Map.of());
        if (defaults instanceof Map<?, ?> map) {
            Map<String, Object> completed = new LinkedHashMap<>((Map<String, Object>) map);
            completed.putIfAbsent("page", STAGE_CHAT);
            completed.putIfAbsent("notify", STAGE_CHAT);
            context.put("servicekitDefaults", completed);
        }
        Map<String, Object> presets = new LinkedHashMap<>();
        presets.put("stage", Map.of());
        presets.put("prod", Map.of());
        Object environments = context.getOrDefault("servicekit", presets);
        if (environments instanceof Map<?, ?> map) {
            Map<String, Object> completed = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((name, settings) -> {
                if (settings instanceof Map<?, ?> own && isProd(name, (Map<String, Object>) own)) {
                    Map<String, Object> prod = new LinkedHashMap<>((Map<String, Object>) own);
                    prod.putIfAbsent("page", PROD_PAGE);
                    prod.putIfAbsent("notify", PROD_CHAT);
                    prod.putIfAbsent("runbook", PROD_RUNBOOK);
                    if (!prod.containsKey("stateBucket") && !prod.containsKey("cloud")) {
                        prod.putIfAbsent("localState", true);
                    }
                    completed.put(name, prod);
                } else {
                    completed.put(name, settings);
                }
            });
            context.put("servicekit", completed);
        }
        return context;
    }

    /**
     * A cdktf.json's text completed as {@link #context(Map)} completes its context; text that is not a JSON object
     * (a test of that error) is left as it is.
     */
    @SuppressWarnings("unchecked")
    public static String cdktfJson(String text) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            Object parsed = json.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?> project)) {
                return text;
            }
            Object context = project.containsKey("context") ? project.get("context") : Map.of();
            if (!(context instanceof Map<?, ?> given)) {
                return text;
            }
            Map<String, Object> completed = new LinkedHashMap<>((Map<String, Object>) project);
            completed.put("context", context((Map<String, Object>) given));
            return json.writeValueAsString(completed);
        } catch (java.io.IOException e) {
            return text;
        }
    }

    private static boolean isProd(String name, Map<String, Object> settings) {
        return "prod".equals(settings.getOrDefault("preset", name.equals("prod") ? "prod" : "stage"));
    }
}
