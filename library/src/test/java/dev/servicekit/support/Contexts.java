package dev.servicekit.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * cdktf.json contexts for tests naming their own environments, each with explicit alert handles, completed by
 * {@link TestEnvironments#context(Map)} with what every prod-preset environment declares (runbook, state).
 */
public final class Contexts {
    private Contexts() {}

    /** The settings every test environment has besides its own: its alert routing and default runbook. */
    public static Map<String, Object> explicit(String environment, Map<String, Object> own) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("page", "@pagerduty-" + environment + "-team");
        settings.put("notify", "@slack-" + environment + "-team");
        // The page handle pages: its lines link a runbook.
        settings.put("runbook", "https://runbooks.example.com/" + environment);
        settings.putAll(own);
        return settings;
    }

    /** {@code {"servicekit": {"stage": stage, "prod": prod}}}, each with explicit handles. */
    public static Map<String, Object> stageAndProd(Map<String, Object> stage, Map<String, Object> prod) {
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("stage", explicit("stage", stage));
        environments.put("prod", explicit("prod", prod));
        return TestEnvironments.context(Map.of("servicekit", environments));
    }

    /** A context naming the environments given, in order, each with explicit handles. */
    @SafeVarargs
    public static Map<String, Object> of(Map.Entry<String, Map<String, Object>>... environments) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> environment : environments) {
            all.put(environment.getKey(), explicit(environment.getKey(), environment.getValue()));
        }
        return TestEnvironments.context(Map.of("servicekit", all));
    }
}
