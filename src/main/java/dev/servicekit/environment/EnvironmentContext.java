package dev.servicekit.environment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.servicekit.validation.ConfigurationException;
import dev.servicekit.validation.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a user adapts servicekit to an account: cdktf.json's {@code context.servicekit}, one
 * object per environment. Every key is optional; an absent key keeps the preset of {@link Environment}.
 *
 * <pre>{@code
 * "context": { "servicekit": {
 *   "prod": { "region": "eu-west-1", "stateBucket": "acme-terraform-state",
 *             "certificateArn": "arn:aws:acm:...", "page": "@pagerduty-acme", "notify": "@slack-acme",
 *             "vpcId": "vpc-0abc", "publicSubnetIds": ["subnet-1", "subnet-2"],
 *             "privateSubnetIds": ["subnet-3", "subnet-4"], "clusterName": "prod" } } }
 * }</pre>
 *
 * @param region           AWS region
 * @param stateBucket      an S3 bucket for Terraform state; without it state stays in a local file
 * @param stateRegion      the bucket's region; default {@code region}
 * @param certificateArn   ACM certificate for every web service's HTTPS listener
 * @param notifyHandle     the Datadog handle warnings and causes notify, never paging, e.g. {@code @slack-alerts}
 * @param pageHandle       the Datadog handle symptoms page, e.g. {@code @pagerduty-acme}
 * @param datadogApiUrl    Datadog site API, e.g. {@code https://api.datadoghq.eu/}
 * @param vpcId            adopt this VPC instead of creating one (then publicSubnetIds and clusterName too)
 * @param publicSubnetIds  the adopted VPC's public subnets (load balancers)
 * @param privateSubnetIds the adopted VPC's private subnets with NAT (tasks); empty: tasks get public IPs
 * @param clusterName      the adopted ECS cluster
 * @param excludeZoneIds   availability zone IDs a managed VPC's subnets avoid, e.g. a zone without Fargate
 */
public record EnvironmentContext(String region, String stateBucket, String stateRegion, String certificateArn,
                                 @JsonProperty("notify") String notifyHandle,
                                 @JsonProperty("page") String pageHandle, String datadogApiUrl, String vpcId, List<String> publicSubnetIds,
                                 List<String> privateSubnetIds, String clusterName, List<String> excludeZoneIds) {

    /** The cdktf.json context key that holds servicekit's settings. */
    public static final String CONTEXT_KEY = "servicekit";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The presets adapted by {@code context} (the value of {@code context.servicekit}, possibly null).
     * Throws a {@link ConfigurationException} naming the key when the context is malformed.
     */
    public static List<Environment> apply(Object context, List<Environment> presets) {
        Map<?, ?> byEnvironment = context instanceof Map<?, ?> map ? map : Map.of();
        List<Problem> problems = new ArrayList<>();
        for (Object key : byEnvironment.keySet()) {
            if (presets.stream().noneMatch(env -> env.name().equals(key))) {
                problems.add(new Problem("cdktf.json", "context." + CONTEXT_KEY + "." + key,
                        "unknown environment; known: " + presets.stream().map(Environment::name).toList()));
            }
        }
        List<Environment> result = new ArrayList<>();
        for (Environment preset : presets) {
            Object raw = byEnvironment.get(preset.name());
            if (raw == null) {
                result.add(preset);
                continue;
            }
            try {
                EnvironmentContext given = JSON.convertValue(raw, EnvironmentContext.class);
                given.orphans().forEach(key -> problems.add(new Problem("cdktf.json",
                        "context." + CONTEXT_KEY + "." + preset.name() + "." + key, switch (key) {
                            case "stateRegion" -> "has no effect without stateBucket";
                            case "excludeZoneIds" -> "has no effect with vpcId: the adopted VPC's subnets decide the zones";
                            default -> "has no effect without vpcId and clusterName";
                        })));
                result.add(given.applyTo(preset));
            } catch (IllegalArgumentException e) {
                String field = e.getCause() instanceof UnrecognizedPropertyException unknown
                        ? unknown.getPropertyName() + " (unknown key)"
                        : "value";
                problems.add(new Problem("cdktf.json", "context." + CONTEXT_KEY + "." + preset.name() + "." + field,
                        "cannot be read: " + firstLine(e.getMessage())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return result;
    }

    /** Keys that mean nothing without another one: silently dropping them would hide a mistake. */
    List<String> orphans() {
        List<String> orphans = new ArrayList<>();
        if (stateRegion != null && stateBucket == null) {
            orphans.add("stateRegion");
        }
        if ((vpcId != null || clusterName != null) && excludeZoneIds != null) {
            orphans.add("excludeZoneIds");
        }
        if (vpcId == null && clusterName == null) {
            if (publicSubnetIds != null) {
                orphans.add("publicSubnetIds");
            }
            if (privateSubnetIds != null) {
                orphans.add("privateSubnetIds");
            }
        }
        return orphans;
    }

    /** {@code preset} with this context's values where given. */
    public Environment applyTo(Environment preset) {
        Environment env = preset;
        if (region != null) {
            env = env.withRegion(region);
        }
        if (stateBucket != null) {
            env = env.withState(new StateBackend.S3(stateBucket, "servicekit/" + env.name() + ".tfstate",
                    Optional.ofNullable(stateRegion).orElse(env.region())));
        }
        if (certificateArn != null) {
            env = env.withCertificateArn(certificateArn);
        }
        if (notifyHandle != null) {
            env = env.withMonitoring(env.monitoring().withRouting(env.monitoring().routing().withNotifyHandle(notifyHandle)));
        }
        if (pageHandle != null) {
            env = env.withMonitoring(env.monitoring().withRouting(env.monitoring().routing().withPageHandle(pageHandle)));
        }
        if (datadogApiUrl != null) {
            env = env.withMonitoring(env.monitoring().withDatadogApiUrl(datadogApiUrl));
        }
        if (excludeZoneIds != null && env.network() instanceof NetworkConfig.Managed managed) {
            env = env.withNetwork(managed.withExcludedZoneIds(excludeZoneIds));
        }
        if (vpcId != null || clusterName != null) {
            env = env.withNetwork(new NetworkConfig.Existing(Optional.ofNullable(vpcId).orElse(""),
                    Optional.ofNullable(publicSubnetIds).orElse(List.of()),
                    Optional.ofNullable(privateSubnetIds).orElse(List.of()),
                    Optional.ofNullable(clusterName).orElse("")));
        }
        return env;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
