package dev.servicekit.support;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.environment.Environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage and prod as the tests give them: with explicit page and notify handles, as every environment will
 * need them, so that a change to the presets' handles touches this one place.
 */
public final class Environments {
    public static final String STAGE_HANDLE = "@slack-team-stage";
    public static final String PROD_PAGE = "@pagerduty-team";
    public static final String PROD_NOTIFY = "@slack-team";

    private Environments() {}

    public static Environment stage() {
        Environment stage = Environment.stage();
        return stage.toBuilder().monitoring(stage.monitoring().toBuilder()
                .routing(new AlertRouting(STAGE_HANDLE, 3, STAGE_HANDLE, 3)).build()).build();
    }

    public static Environment prod() {
        Environment prod = Environment.prod();
        return prod.toBuilder().monitoring(prod.monitoring().toBuilder()
                .routing(new AlertRouting(PROD_PAGE, 1, PROD_NOTIFY, 3)).build()).build();
    }

    public static List<Environment> stageAndProd() {
        return List.of(stage(), prod());
    }

    /** cdktf.json's context for stage and prod with explicit handles. */
    public static Map<String, Object> context() {
        return context(Map.of(), Map.of());
    }

    /** cdktf.json's context with explicit handles and these further keys for stage and prod. */
    public static Map<String, Object> context(Map<String, Object> stageKeys, Map<String, Object> prodKeys) {
        Map<String, Object> stage = new LinkedHashMap<>(Map.of("page", STAGE_HANDLE, "notify", STAGE_HANDLE));
        stage.putAll(stageKeys);
        Map<String, Object> prod = new LinkedHashMap<>(Map.of("page", PROD_PAGE, "notify", PROD_NOTIFY));
        prod.putAll(prodKeys);
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("stage", stage);
        environments.put("prod", prod);
        return Map.of("servicekit", environments);
    }
}
