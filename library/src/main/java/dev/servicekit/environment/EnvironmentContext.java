package dev.servicekit.environment;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Preset;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;
import dev.servicekit.rules.Rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The environments cdktf.json describes: every key of {@code context.servicekit} names one, synthesized in
 * the order given. {@code stage} and {@code prod} start from their presets; any other name takes
 * {@code "preset": "stage"} or {@code "preset": "prod"}. Every value of a preset can be set;
 * {@code context.servicekitDefaults} holds values for every environment (a shared {@code prefix}, say),
 * which an environment's own keys override. Without {@code context.servicekit} the environments are
 * stage and prod. An unknown key, a value of the wrong type, or a key that would have no effect is an error
 * that names the key.
 *
 * <pre>{@code
 * "context": {
 *   "servicekitDefaults": { "prefix": "acme", "region": "eu-west-1" },
 *   "servicekit": {
 *     "dev":   { "preset": "stage", "cidr": "10.40.0.0/16" },
 *     "stage": {},
 *     "prod":  { "page": "@pagerduty-acme", "notify": "@slack-acme", "stateBucket": "acme-terraform-state",
 *                "certificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/...",
 *                "monitors": { "cpu": { "critical": 90, "warning": 80 } } } } }
 * }</pre>
 */
public final class EnvironmentContext {
    /** The cdktf.json context key that holds the environments. */
    public static final String CONTEXT_KEY = "servicekit";
    /** The cdktf.json context key that holds values for every environment. */
    public static final String DEFAULTS_KEY = "servicekitDefaults";

    /** Every key an environment object may have, with what it expects, for messages and documentation. */
    public static final Map<String, String> KEYS = keys();

    private EnvironmentContext() {}

    /** The environments of cdktf.json's {@code context}: stage and prod when it names none. */
    public static List<Environment> environments(Map<String, ?> context) {
        return adapt(context, List.of());
    }

    /**
     * {@code given} (environments built in Java; none means "what cdktf.json says") adapted by cdktf.json's
     * {@code context}. With environments given, the context may only adapt them: its keys must name them.
     * Throws a {@link ConfigurationException} naming every key that cannot be read.
     */
    public static List<Environment> adapt(Map<String, ?> context, List<Environment> given) {
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        given.stream().map(Environment::name).filter(name -> !names.add(name)).distinct().forEach(name -> problems.add(
                new Problem(name, "name", "two environments are named " + name + "; each needs a name of its own")));
        if (context != null) {
            // A misspelt key would be ignored without a word: prod on local state, or every name without its prefix.
            context.keySet().stream().filter(key -> !key.equals(CONTEXT_KEY) && !key.equals(DEFAULTS_KEY))
                    .filter(EnvironmentContext::looksLikeOurs).forEach(key -> problems.add(new Problem("cdktf.json",
                            "context." + key, Rules.unknown("unknown key", key, List.of(CONTEXT_KEY, DEFAULTS_KEY)))));
        }
        Object raw = context == null ? null : context.get(CONTEXT_KEY);
        Object rawDefaults = context == null ? null : context.get(DEFAULTS_KEY);
        Map<String, Object> defaults = Map.of();
        if (rawDefaults instanceof Map<?, ?> map) {
            defaults = keyedByString(map);
            if (defaults.containsKey("preset")) {
                problems.add(new Problem("cdktf.json", "context." + DEFAULTS_KEY + ".preset", "cannot be a default: "
                        + "stage and prod are their own presets; give each other environment its own \"preset\""));
            }
        } else if (rawDefaults != null) {
            problems.add(new Problem("cdktf.json", "context." + DEFAULTS_KEY, "expected an object of settings for "
                    + "every environment, got " + describe(rawDefaults)));
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            byName.putAll(keyedByString(map));
            if (map.isEmpty()) {
                problems.add(new Problem("cdktf.json", "context." + CONTEXT_KEY, "names no environment: synthesizing "
                        + "nothing would drop every stack; name them, e.g. {\"stage\": {}, \"prod\": {}}, or leave "
                        + "the key out for stage and prod"));
            }
        } else if (raw != null) {
            problems.add(new Problem("cdktf.json", "context." + CONTEXT_KEY, "expected an object with one object per "
                    + "environment, e.g. {\"stage\": {}, \"prod\": {}}, got " + describe(raw)));
        } else {
            List<Environment> base = given.isEmpty() ? List.of(Environment.stage(), Environment.prod()) : given;
            base.forEach(env -> byName.put(env.name(), Map.of()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        if (!given.isEmpty()) {
            List<String> known = given.stream().map(Environment::name).toList();
            byName.keySet().stream().filter(name -> !known.contains(name)).forEach(name -> problems.add(
                    new Problem("cdktf.json", "context." + CONTEXT_KEY + "." + name,
                            Rules.unknownEnvironment(name, known))));
        }
        List<Environment> result = new ArrayList<>();
        List<String> order = given.isEmpty() ? new ArrayList<>(byName.keySet())
                : given.stream().map(Environment::name).toList();
        for (String name : order) {
            Object settings = byName.getOrDefault(name, Map.of());
            String path = "context." + CONTEXT_KEY + "." + name;
            if (!(settings instanceof Map<?, ?> own)) {
                new Reader(path, problems, Set.of()).problem("", "expected an object of settings, e.g. {\"region\": \"eu-west-1\"}, got "
                        + describe(settings));
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>(defaults);
            merged.putAll(keyedByString(own));
            Set<String> fromDefaults = new TreeSet<>(defaults.keySet());
            fromDefaults.removeAll(keyedByString(own).keySet());
            Reader reader = new Reader(path, problems, fromDefaults);
            Optional<Environment> built = given.stream().filter(e -> e.name().equals(name)).findFirst();
            if (built.isPresent() && own.containsKey("preset")) {
                reader.problem("preset", "has no effect on an environment built in Java");
            }
            Optional<Environment> base = built
                    .or(() -> preset(name, merged, reader).map(preset -> Environment.of(name, preset)));
            base.ifPresent(env -> result.add(apply(env, merged, reader)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return result;
    }

    /**
     * A context key meant for servicekit: ours in another case or spelling ({@code serviceKit}, {@code service_kit}),
     * or one letter away ({@code servicekits}, {@code servicekitDefault}). The context is the whole app's, so
     * nothing further: {@code serviceId} or {@code servicekitVersion} may be another construct's.
     */
    private static boolean looksLikeOurs(String key) {
        String letters = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return Rules.editDistance(letters, CONTEXT_KEY) <= 1 || Rules.editDistance(letters, DEFAULTS_KEY) <= 1;
    }

    private static Optional<Preset> preset(String name, Map<String, Object> settings, Reader reader) {
        Optional<String> preset = reader.string(settings, "preset");
        if (name.equals("stage") || name.equals("prod")) {
            Preset own = name.equals("prod") ? Preset.PROD : Preset.STAGE;
            // prod on stage's preset would lose its protection and its pages without a word.
            preset.filter(p -> !p.equals(name)).ifPresent(p -> reader.problem("preset", "'" + p + "': " + name
                    + " is its own preset; another environment may start from it, but " + name + " cannot change it"));
            return Optional.of(own);
        }
        if (preset.isPresent()) {
            Optional<Preset> known = Arrays.stream(Preset.values())
                    .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(preset.get())).findFirst();
            if (known.isEmpty()) {
                reader.problem("preset", "'" + preset.get() + "': " + Rules.unknown("not a preset", preset.get(),
                        List.of("stage", "prod")));
            }
            return known;
        }
        reader.problem("preset", "an environment other than stage and prod needs \"preset\": \"stage\" or \"prod\"");
        return Optional.empty();
    }

    /** {@code preset} with the settings' values where given. */
    private static Environment apply(Environment preset, Map<String, Object> settings, Reader reader) {
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(KEYS.keySet());
        unknown.forEach(key -> reader.problem(key, Rules.unknown("unknown key", key, KEYS.keySet())));

        Environment.Builder env = preset.toBuilder();
        reader.string(settings, "prefix").ifPresent(env::prefix);
        String region = reader.string(settings, "region").orElse(preset.region());
        env.region(region);
        env.network(network(preset.network(), settings, reader));
        TaskDefaults t = preset.tasks();
        env.tasks(new TaskDefaults(reader.integer(settings, "cpu").orElse(t.cpu()),
                reader.integer(settings, "memory").orElse(t.memory()),
                reader.integer(settings, "minCount").orElse(t.minCount()),
                reader.integer(settings, "desiredCount").orElse(t.desiredCount()),
                reader.integer(settings, "maxCount").orElse(t.maxCount())));
        reader.integer(settings, "logRetentionDays").ifPresent(env::logRetentionDays);
        reader.bool(settings, "protectStatefulResources").ifPresent(env::protectStatefulResources);
        reader.bool(settings, "httpsRequired").ifPresent(env::httpsRequired);
        reader.string(settings, "certificateArn").ifPresent(env::certificateArn);
        reader.string(settings, "secretsKmsKeyArn").ifPresent(env::secretsKmsKeyArn);
        Optional<Boolean> loadBalancerLogs = reader.bool(settings, "loadBalancerLogs");
        Optional<String> loadBalancerLogsBucket = reader.string(settings, "loadBalancerLogsBucket");
        if (loadBalancerLogs.orElse(true)) {
            loadBalancerLogsBucket.ifPresent(bucket -> env.loadBalancerLogs(new LoadBalancerLogs.Existing(bucket)));
        } else {
            env.loadBalancerLogs(new LoadBalancerLogs.Off());
            loadBalancerLogsBucket.ifPresent(bucket -> reader.problem("loadBalancerLogsBucket",
                    "has no effect with loadBalancerLogs false"));
        }
        Optional<String> bucket = reader.string(settings, "stateBucket");
        Optional<String> stateRegion = reader.string(settings, "stateRegion");
        Optional<Boolean> localState = reader.bool(settings, "localState");
        if (localState.orElse(false) && (bucket.isPresent() || settings.containsKey("cloud"))) {
            reader.problem("localState", "contradicts " + (bucket.isPresent() ? "stateBucket" : "cloud") + ": keep the state in one place");
        } else if (localState.isPresent()) {
            env.state(new StateBackend.Local(localState.get()));
        }
        Optional<Map<String, Object>> cloud = reader.object(settings, "cloud")
                .map(o -> reader.only(o, "cloud", "organization", "hostname", "project"));
        if (cloud.isPresent()) {
            Map<String, Object> c = cloud.get();
            Optional<String> organization = reader.string(c, "cloud.organization");
            if (organization.isEmpty() && !c.containsKey("organization")) {
                reader.problem("cloud.organization", "required: the HCP Terraform or Terraform Enterprise organization");
            }
            organization.ifPresent(org -> env.state(new StateBackend.Cloud(org,
                    reader.string(c, "cloud.hostname").orElse(StateBackend.Cloud.DEFAULT_HOSTNAME),
                    reader.string(c, "cloud.project"))));
            bucket.ifPresent(b -> reader.problem("stateBucket", "has no effect with cloud: HCP Terraform keeps the "
                    + "state; give one of the two"));
        } else if (bucket.isPresent()) {
            String prefix = reader.string(settings, "prefix").orElse(preset.prefix());
            String awsName = prefix.isEmpty() ? preset.name() : prefix + "-" + preset.name();
            env.state(new StateBackend.S3(bucket.get(), "servicekit/" + awsName + ".tfstate", stateRegion.orElse(region)));
        } else if (stateRegion.isPresent()) {
            reader.problem("stateRegion", "has no effect without stateBucket");
        }
        env.monitoring(monitoring(preset.monitoring(), settings, reader));
        reader.string(settings, "stacks").ifPresent(key -> StackLayout.of(key).ifPresentOrElse(env::stacks,
                () -> reader.problem("stacks", "'" + key + "' is not a layout; known: " + StackLayout.keys())));
        reader.string(settings, "account").ifPresent(env::account);
        env.loadBalancing(loadBalancing(preset.loadBalancing(), settings, reader));
        reader.object(settings, "quotas").ifPresent(quotas -> {
            Map<String, Integer> increases = new LinkedHashMap<>(preset.quotaIncreases());
            quotas.keySet().forEach(key -> reader.integer(quotas, "quotas." + key)
                    .ifPresent(value -> increases.put(key, value)));
            env.quotaIncreases(increases);
        });
        return env.build();
    }

    private static NetworkConfig network(NetworkConfig preset, Map<String, Object> settings, Reader reader) {
        Optional<String> vpcId = reader.string(settings, "vpcId");
        Optional<String> clusterName = reader.string(settings, "clusterName");
        Optional<List<String>> publicSubnets = reader.strings(settings, "publicSubnetIds");
        Optional<List<String>> privateSubnets = reader.strings(settings, "privateSubnetIds");
        // An environment built in Java may adopt a VPC already; cdktf.json then adapts it, never replaces it.
        Optional<NetworkConfig.Existing> adopted = preset instanceof NetworkConfig.Existing existing
                ? Optional.of(existing) : Optional.empty();
        if (vpcId.isPresent() || clusterName.isPresent() || adopted.isPresent()) {
            for (String managedOnly : List.of("cidr", "zones", "natGateways", "excludeZoneIds")) {
                if (settings.containsKey(managedOnly)) {
                    reader.problem(managedOnly, "has no effect with vpcId: the adopted VPC decides its network");
                }
            }
            NetworkConfig.Existing base = adopted.orElse(new NetworkConfig.Existing("", List.of(), List.of(), ""));
            return new NetworkConfig.Existing(vpcId.orElse(base.vpcId()), publicSubnets.orElse(base.publicSubnetIds()),
                    privateSubnets.orElse(base.privateSubnetIds()), clusterName.orElse(base.clusterName()));
        }
        publicSubnets.ifPresent(ids -> reader.problem("publicSubnetIds", "has no effect without vpcId and clusterName"));
        privateSubnets.ifPresent(ids -> reader.problem("privateSubnetIds", "has no effect without vpcId and clusterName"));
        NetworkConfig.Managed managed = preset instanceof NetworkConfig.Managed m ? m
                : (NetworkConfig.Managed) Environment.stage().network();
        return new NetworkConfig.Managed(reader.string(settings, "cidr").orElse(managed.cidr()),
                reader.integer(settings, "zones").orElse(managed.zones()),
                reader.integer(settings, "natGateways").orElse(managed.natGateways()),
                reader.strings(settings, "excludeZoneIds").orElse(managed.excludedZoneIds()));
    }

    /** {@code "loadBalancer": "own"} (the default) or {@code "shared"}, with what sharing needs. */
    private static LoadBalancing loadBalancing(LoadBalancing preset, Map<String, Object> settings, Reader reader) {
        Optional<String> mode = reader.string(settings, "loadBalancer");
        Optional<String> domain = reader.string(settings, "domain");
        Optional<String> zone = reader.string(settings, "hostedZoneId");
        Optional<Map<String, Object>> counts = reader.object(settings, "sharedLoadBalancers")
                .map(o -> reader.only(o, "sharedLoadBalancers", "internet-facing", "internal"));
        boolean shared = mode.map(m -> m.equals("shared")).orElse(preset instanceof LoadBalancing.Shared);
        mode.filter(m -> !m.equals("shared") && !m.equals("own")).ifPresent(m -> reader.problem("loadBalancer",
                "'" + m + "' is not a load balancer mode; known: [own, shared]"));
        if (!shared) {
            for (String sharedOnly : List.of("domain", "hostedZoneId", "sharedLoadBalancers")) {
                if (settings.containsKey(sharedOnly)) {
                    reader.problem(sharedOnly, "has no effect without \"loadBalancer\": \"shared\"");
                }
            }
            return new LoadBalancing.Own();
        }
        LoadBalancing.Shared base = preset instanceof LoadBalancing.Shared s ? s
                : new LoadBalancing.Shared("", Optional.empty(), LoadBalancing.Shared.DEFAULT_COUNT,
                LoadBalancing.Shared.DEFAULT_COUNT);
        String sharedDomain = domain.orElse(base.domain());
        if (sharedDomain.isEmpty() && !settings.containsKey("domain")) {
            reader.problem("domain", "required with \"loadBalancer\": \"shared\": each web service answers on "
                    + "<service>.<domain>, e.g. \"domain\": \"prod.example.com\"");
        }
        int internetFacing = counts.flatMap(c -> reader.integer(c, "sharedLoadBalancers.internet-facing"))
                .orElse(base.internetFacing());
        int internal = counts.flatMap(c -> reader.integer(c, "sharedLoadBalancers.internal")).orElse(base.internal());
        return new LoadBalancing.Shared(sharedDomain, zone.or(base::hostedZoneId), internetFacing, internal);
    }

    private static MonitoringDefaults monitoring(MonitoringDefaults preset, Map<String, Object> settings, Reader reader) {
        AlertRouting routing = preset.routing();
        routing = new AlertRouting(reader.string(settings, "page").orElse(routing.pageHandle()),
                reader.integer(settings, "pagePriority").map(p -> (Number) p).orElse(routing.pagePriority()),
                reader.string(settings, "notify").orElse(routing.notifyHandle()),
                reader.integer(settings, "notifyPriority").map(p -> (Number) p).orElse(routing.notifyPriority()));
        SloTarget slo = reader.object(settings, "slo").map(o -> reader.only(o, "slo", "target", "window")).map(o -> new SloTarget(
                reader.number(o, "slo.target").orElse(preset.slo().targetPercent()),
                reader.string(o, "slo.window").orElse(preset.slo().window()))).orElse(preset.slo());
        SyntheticsSettings synthetics = reader.object(settings, "synthetics")
                .map(o -> reader.only(o, "synthetics", "locations", "tickSeconds")).map(o -> new SyntheticsSettings(
                reader.strings(o, "synthetics.locations").orElse(preset.synthetics().locations()),
                reader.integer(o, "synthetics.tickSeconds").map(t -> (Number) t)
                        .orElse(preset.synthetics().tickSeconds()))).orElse(preset.synthetics());
        Map<MonitorKind, Thresholds> thresholds = new EnumMap<>(preset.thresholds());
        reader.object(settings, "monitors").ifPresent(monitors -> monitors.keySet().forEach(key -> {
            Optional<MonitorKind> kind = Arrays.stream(MonitorKind.values()).filter(k -> k.key().equals(key)).findFirst();
            if (kind.isEmpty()) {
                reader.problem("monitors." + key, Rules.unknown("unknown monitor", key,
                        Arrays.stream(MonitorKind.values()).map(MonitorKind::key).toList()));
                return;
            }
            String field = "monitors." + key;
            reader.object(monitors, field).map(t -> reader.only(t, field, "critical", "warning")).ifPresent(t -> {
                Optional<Number> critical = reader.number(t, field + ".critical");
                if (critical.isEmpty() && !t.containsKey("critical")) {
                    reader.problem(field + ".critical", "required: the threshold that alerts");
                }
                critical.ifPresent(c -> thresholds.put(kind.get(), Thresholds.of(c,
                        reader.number(t, field + ".warning").orElse(null))));
            });
        }));
        Optional<String> runbook = reader.string(settings, "runbook").or(preset::runbook);
        Optional<DatadogAgent> agent = reader.object(settings, "datadogAgent")
                .map(o -> datadogAgent(reader.only(o, "datadogAgent", "image", "apiKeyParameter", "cpu", "memory",
                        "everyService", "logs", "logRouterImage"), preset.datadogAgent(), reader))
                .or(preset::datadogAgent);
        return new MonitoringDefaults(reader.string(settings, "datadogApiUrl").orElse(preset.datadogApiUrl()), routing,
                reader.integer(settings, "evaluationDelaySeconds").orElse(preset.evaluationDelaySeconds()),
                thresholds, slo, synthetics, runbook, agent);
    }

    /**
     * The Agent's settings: the image and the API key's parameter are required (servicekit pins no digest it
     * cannot verify, and has no key), the rest default; an environment built in Java with an Agent may be
     * adapted key by key.
     */
    private static DatadogAgent datadogAgent(Map<String, Object> o, Optional<DatadogAgent> preset, Reader reader) {
        Optional<String> image = reader.string(o, "datadogAgent.image").or(() -> preset.map(DatadogAgent::image));
        Optional<String> parameter = reader.string(o, "datadogAgent.apiKeyParameter")
                .or(() -> preset.map(DatadogAgent::apiKeyParameter));
        if (image.isEmpty() && !o.containsKey("image")) {
            reader.problem("datadogAgent.image", "required: the Agent's image pinned by digest, e.g. "
                    + "public.ecr.aws/datadog/agent:7.<minor>.<patch>@sha256:<the digest of that tag>");
        }
        if (parameter.isEmpty() && !o.containsKey("apiKeyParameter")) {
            reader.problem("datadogAgent.apiKeyParameter", "required: the SSM SecureString parameter holding the "
                    + "Datadog API key, e.g. /datadog/api-key");
        }
        Optional<DatadogAgent.Logs> logs = reader.string(o, "datadogAgent.logs").flatMap(value -> {
            Optional<DatadogAgent.Logs> known = java.util.Arrays.stream(DatadogAgent.Logs.values())
                    .filter(l -> l.name().toLowerCase(Locale.ROOT).equals(value)).findFirst();
            if (known.isEmpty()) {
                reader.problem("datadogAgent.logs", "'" + value + "' is not a destination; known: [cloudwatch, datadog]");
            }
            return known;
        });
        return new DatadogAgent(image.orElse(""), parameter.orElse(""),
                reader.integer(o, "datadogAgent.cpu").orElse(preset.map(DatadogAgent::cpu).orElse(DatadogAgent.DEFAULT_CPU)),
                reader.integer(o, "datadogAgent.memory").orElse(preset.map(DatadogAgent::memory)
                        .orElse(DatadogAgent.DEFAULT_MEMORY)),
                reader.bool(o, "datadogAgent.everyService").orElse(preset.map(DatadogAgent::everyService).orElse(true)),
                logs.or(() -> preset.map(DatadogAgent::logs)).orElse(DatadogAgent.Logs.CLOUDWATCH),
                reader.string(o, "datadogAgent.logRouterImage").or(() -> preset.flatMap(DatadogAgent::logRouterImage)));
    }

    /**
     * Reads typed values out of one environment's settings, reporting each wrong one by its full key: where the
     * user wrote it, so a value from {@code servicekitDefaults} is reported there, once for all environments.
     */
    private static final class Reader {
        private final String path;
        private final List<Problem> problems;
        private final Set<String> fromDefaults;

        /** @param fromDefaults the settings' top-level keys whose values come from {@code servicekitDefaults} */
        Reader(String path, List<Problem> problems, Set<String> fromDefaults) {
            this.path = path;
            this.problems = problems;
            this.fromDefaults = fromDefaults;
        }

        void problem(String key, String message) {
            String where = fromDefaults.contains(key.split("\\.")[0]) ? "context." + DEFAULTS_KEY : path;
            Problem problem = new Problem("cdktf.json", key.isEmpty() ? where : where + "." + key, message);
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }

        Optional<String> string(Map<String, Object> settings, String key) {
            return value(settings, key, "a string", v -> v instanceof String s ? s : null);
        }

        Optional<Integer> integer(Map<String, Object> settings, String key) {
            return value(settings, key, "a whole number", v -> v instanceof Integer i ? i
                    : v instanceof Long l && l == l.intValue() ? Integer.valueOf(l.intValue()) : null);
        }

        Optional<Number> number(Map<String, Object> settings, String key) {
            return value(settings, key, "a number", v -> v instanceof Number n ? n : null);
        }

        Optional<Boolean> bool(Map<String, Object> settings, String key) {
            return value(settings, key, "true or false", v -> v instanceof Boolean b ? b : null);
        }

        Optional<List<String>> strings(Map<String, Object> settings, String key) {
            return value(settings, key, "a list of strings", v -> v instanceof List<?> list
                    && list.stream().allMatch(e -> e instanceof String)
                    ? list.stream().map(String.class::cast).toList() : null);
        }

        /** {@code object} itself, after reporting each of its keys that is not one of {@code known}. */
        Map<String, Object> only(Map<String, Object> object, String key, String... known) {
            List<String> knownKeys = List.of(known);
            object.keySet().stream().filter(k -> !knownKeys.contains(k)).forEach(k -> problem(key + "." + k,
                    Rules.unknown("unknown key", k, knownKeys)));
            return object;
        }

        Optional<Map<String, Object>> object(Map<String, Object> settings, String key) {
            return value(settings, key, "an object", v -> v instanceof Map<?, ?> map ? keyedByString(map) : null);
        }

        /** {@code key} may be dotted (for messages); the value is looked up by its last part. */
        private <T> Optional<T> value(Map<String, Object> settings, String key, String expected, Function<Object, T> read) {
            String own = key.substring(key.lastIndexOf('.') + 1);
            if (!settings.containsKey(own)) {
                return Optional.empty();
            }
            Object raw = settings.get(own);
            T value = raw == null ? null : read.apply(raw);
            if (value == null) {
                problem(key, "expected " + expected + ", got " + describe(raw)
                        + (raw == null ? " (leave the key out for the default)" : ""));
            }
            return Optional.ofNullable(value);
        }
    }

    private static Map<String, Object> keyedByString(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        return value instanceof Number ? "the number " + value : value.getClass().getSimpleName();
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("preset", "stage or prod: the environment's starting values (stage and prod are their own)");
        keys.put("prefix", "put in front of every AWS name and the cluster name, so two teams can share an account");
        keys.put("region", "the AWS region");
        keys.put("cidr", "the managed VPC's 10.x.0.0/16");
        keys.put("zones", "the managed VPC's availability zones, 2 to 6");
        keys.put("natGateways", "NAT gateways: 0 (tasks in public subnets), 1, or up to one per zone");
        keys.put("excludeZoneIds", "availability zone IDs the managed VPC avoids, e.g. [\"use1-az3\"]");
        keys.put("vpcId", "adopt this VPC instead of creating one");
        keys.put("publicSubnetIds", "the adopted VPC's public subnets (load balancers)");
        keys.put("privateSubnetIds", "the adopted VPC's private subnets with NAT (tasks)");
        keys.put("clusterName", "the adopted ECS cluster");
        keys.put("cpu", "default task cpu units");
        keys.put("memory", "default task memory, MiB");
        keys.put("minCount", "default autoscaling minimum");
        keys.put("desiredCount", "default tasks at creation");
        keys.put("maxCount", "default autoscaling maximum");
        keys.put("logRetentionDays", "CloudWatch Logs retention");
        keys.put("protectStatefulResources", "prevent_destroy on queues and log groups, load balancer deletion protection");
        keys.put("httpsRequired", "internet-facing web services need a certificate");
        keys.put("certificateArn", "the ACM certificate of every web service's HTTPS listener");
        keys.put("secretsKmsKeyArn", "the customer-managed KMS key of the secrets whose line names none");
        keys.put("loadBalancerLogs", "false to switch load balancer access logs off (default on)");
        keys.put("loadBalancerLogsBucket", "an existing bucket for load balancer access logs, instead of the environment's own");
        keys.put("stateBucket", "an S3 bucket for Terraform state");
        keys.put("stateRegion", "the state bucket's region");
        keys.put("localState", "true to keep a prod-preset environment's state in a local file on purpose");
        keys.put("page", "the Datadog handle symptoms page");
        keys.put("notify", "the Datadog handle warnings and causes notify; it must not page");
        keys.put("pagePriority", "the priority of pages, 1 to 5");
        keys.put("notifyPriority", "the priority of notifications, 1 to 5");
        keys.put("datadogApiUrl", "the Datadog site's API, e.g. https://api.datadoghq.eu/");
        keys.put("evaluationDelaySeconds", "how long monitors wait for AWS metrics");
        keys.put("runbook", "the runbook a paging line links when it gives none of its own");
        keys.put("datadogAgent", "the Datadog Agent beside every task: {\"image\": \"public.ecr.aws/datadog/agent:7.x.y@sha256:...\", "
                + "\"apiKeyParameter\": \"/datadog/api-key\"}, optionally cpu, memory, everyService, logs "
                + "(\"cloudwatch\" or \"datadog\"), logRouterImage");
        keys.put("slo", "web services' SLO: {\"target\": 99.9, \"window\": \"30d\"}");
        keys.put("synthetics", "{\"locations\": [\"aws:us-east-1\"], \"tickSeconds\": 60}");
        keys.put("monitors", "thresholds by monitor: {\"cpu\": {\"critical\": 90, \"warning\": 80}}");
        keys.put("stacks", "how the environment is split into stacks, each with its own state: " + StackLayout.keys());
        keys.put("account", "the AWS account ID: environments of one account and region share its quotas");
        keys.put("loadBalancer", "own (a load balancer per web service) or shared (host-header rules on shared ones)");
        keys.put("sharedLoadBalancers", "{\"internet-facing\": 1, \"internal\": 1}: how many shared load balancers of each scheme");
        keys.put("domain", "with shared load balancers: each web service answers on <service>.<domain>");
        keys.put("hostedZoneId", "the Route 53 zone of domain: alias records, and a wildcard certificate without certificateArn");
        keys.put("quotas", "AWS quotas raised for the account and region, e.g. {\"applicationLoadBalancers\": 100}");
        keys.put("cloud", "HCP Terraform or Terraform Enterprise: {\"organization\": ..., \"hostname\": ..., \"project\": ...}");
        return java.util.Collections.unmodifiableMap(keys);
    }
}
