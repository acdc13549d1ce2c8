package dev.servicekit.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * cdktf.json contexts for tests, with every environment's alert routing given explicitly (page and notify
 * handles, a default runbook), so that a test does not lean on what a preset would invent. One place to edit
 * when presets stop supplying them.
 */
public final class TestEnvironments {
    public static final String STAGE_CHAT = "@slack-servicekit-stage";
    public static final String PROD_PAGE = "@pagerduty-servicekit-prod";
    public static final String PROD_CHAT = "@slack-servicekit-prod";
    public static final String PROD_RUNBOOK = "https://runbooks.example.com/prod";

    private TestEnvironments() {}

    /** Stage with its handles given explicitly. */
    public static dev.servicekit.environment.Environment stage() {
        dev.servicekit.environment.Environment stage = dev.servicekit.environment.Environment.stage();
        return stage.toBuilder().monitoring(stage.monitoring().toBuilder()
                .routing(new dev.servicekit.alerting.AlertRouting(STAGE_CHAT, 3, STAGE_CHAT, 3)).build()).build();
    }

    /** Prod with its handles and its default runbook given explicitly. */
    public static dev.servicekit.environment.Environment prod() {
        dev.servicekit.environment.Environment prod = dev.servicekit.environment.Environment.prod();
        return prod.toBuilder().monitoring(prod.monitoring().toBuilder()
                .routing(new dev.servicekit.alerting.AlertRouting(PROD_PAGE, 1, PROD_CHAT, 3)).runbook(PROD_RUNBOOK)
                .build()).build();
    }

    /** Stage and prod with explicit handles, and prod's default runbook. */
    public static Map<String, Object> context() {
        return context(Map.of(), Map.of());
    }

    /** {@link #context()} with more settings for stage and for prod. */
    public static Map<String, Object> context(Map<String, Object> stage, Map<String, Object> prod) {
        Map<String, Object> stageSettings = new LinkedHashMap<>(Map.of("page", STAGE_CHAT, "notify", STAGE_CHAT));
        stageSettings.putAll(stage);
        Map<String, Object> prodSettings = new LinkedHashMap<>(Map.of("page", PROD_PAGE, "notify", PROD_CHAT,
                "runbook", PROD_RUNBOOK));
        prodSettings.putAll(prod);
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("stage", stageSettings);
        environments.put("prod", prodSettings);
        return Map.of("servicekit", environments);
    }
}
