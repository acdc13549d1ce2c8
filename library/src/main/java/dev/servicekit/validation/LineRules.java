package dev.servicekit.validation;

import dev.servicekit.queue.QueueRules;

import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.queue.QueueOptions;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.terraform.Tokens;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What a catalog line says regardless of the environment: its name, image, owner, variables, secrets, links. */
final class LineRules {
    /** Names the environment's own resources use as address prefixes. */
    static final Set<String> RESERVED_SERVICE_NAMES = Set.of("network", "cluster", "overview", "environment",
            // The data sources by which a service's own stack finds its platform, and the platform stack's name.
            "platform");

    private LineRules() {}

    /** @param nullOptions the line's options given as null, reported already */
    static void check(ServiceSpec spec, boolean first, List<String> environments, Problems.Scope line,
                      Set<String> nullOptions) {
        ServiceSpec.Container container = spec.container();
        if (!first) {
            line.add("name", Rules.DECLARED_TWICE);
            return;
        }
        if (!nullOptions.contains("name") && !Rules.SERVICE_NAME.matcher(spec.name()).matches()) {
            line.add("name", Rules.badServiceName(spec.name()));
        }
        if (RESERVED_SERVICE_NAMES.contains(spec.name())) {
            line.add("name", Rules.reservedName(spec.name()));
        }
        if (nullOptions.contains("image")) {
            // reported as null
        } else if (container.image().isBlank()) {
            line.add("image", Rules.MUST_NOT_BE_EMPTY);
        } else if (!Tokens.isCdktfToken(container.image())
                && (!AwsLimits.IMAGE_REFERENCE.matcher(container.image()).matches()
                || imageName(container.image()).length() > AwsLimits.IMAGE_NAME_MAX)) {
            line.add("image", Rules.badImage(container.image()));
        }
        line.check(!spec.owner().isBlank(), "owner", Rules.MUST_NOT_BE_EMPTY);
        line.name("owner", spec.owner(), AwsLimits.TAG_VALUE);
        String ownerTag = MonitoredService.OWNER_TAG + spec.owner();
        line.check(ownerTag.length() <= Rules.DATADOG_TAG_MAX, "owner", Rules.ownerTooLongForDatadog(ownerTag,
                String.valueOf(ownerTag.length())));
        line.check(container.command().isEmpty() || !container.command().get(0).isBlank(), "command",
                Rules.BLANK_EXECUTABLE);
        // The variables servicekit sets, by what sets them: a line's own of the same name would replace them
        // (env) or make ECS refuse the task definition (secret).
        Map<String, String> reserved = new TreeMap<>();
        if (spec.queue().isPresent()) {
            QueueOptions.VARIABLES.forEach(name -> reserved.put(name, "queue"));
        }
        spec.addOns().forEach(addOn -> addOn.variables().forEach(name -> reserved.put(name, addOn.option())));
        for (String key : container.variables().keySet()) {
            line.check(Rules.VARIABLE_NAME.matcher(key).matches(), "env." + key, Rules.NOT_A_VARIABLE_NAME);
            line.check(!Rules.namedAsASecret(key), "env." + key, Rules.plaintextSecret(key));
            line.check(!Rules.holdsACredential(container.variables().get(key)), "env." + key,
                    Rules.credentialInPlainText(key));
            line.check(!reserved.containsKey(key), "env." + key, Rules.setByServicekit(reserved.get(key)));
        }
        Set<String> secretNames = new HashSet<>();
        for (String secret : container.secrets()) {
            line.check(Rules.VARIABLE_NAME.matcher(secret).matches(), "secret." + secret, Rules.NOT_A_VARIABLE_NAME);
            line.check(secretNames.add(secret), "secret." + secret, Rules.NAME_DECLARED_TWICE);
            line.check(!container.variables().containsKey(secret), "secret." + secret, Rules.SECRET_ALSO_PLAIN);
            line.check(!reserved.containsKey(secret), "secret." + secret, Rules.setByServicekit(reserved.get(secret)));
        }
        if (spec.kind() instanceof dev.servicekit.catalog.ServiceKind.Web web) {
            line.check(web.sharedLoadBalancer() >= 0, "sharedLoadBalancer", Rules.NEGATIVE_SLOT);
        }
        spec.runbookUrl().ifPresent(url -> line.check(Rules.RUNBOOK_URL.matcher(url).matches(), "runbook",
                Rules.badRunbook(url)));
        for (String env : spec.perEnvironment().keySet()) {
            line.check(environments.contains(env), "in." + env, Rules.unknownEnvironment(env, environments));
        }
        Set<MonitorKind> overridden = EnumSet.noneOf(MonitorKind.class);
        overridden.addAll(spec.common().alerts().monitors().keySet());
        spec.perEnvironment().values().forEach(o -> overridden.addAll(o.alerts().monitors().keySet()));
        for (MonitorKind kind : overridden) {
            if (!kind.appliesTo(spec.shape())) {
                line.add("monitor " + kind.key(), switch (kind.needs()) {
                    case QUEUE -> Rules.QUEUE_ONLY;
                    case INTERNET_FACING -> Rules.INTERNET_FACING_ONLY;
                    default -> Rules.WEB_ONLY;
                });
            }
        }
        AccessRules.check(spec, line);
        // The queue's options, a web service's port and health check: the line's own, whatever the environment.
        spec.queue().ifPresent(queue -> QueueRules.check(line, queue));
        if (spec.kind() instanceof dev.servicekit.catalog.ServiceKind.Web web) {
            WebRules.check(line, web);
        }
        Map<String, List<String>> pathsByVolume = new TreeMap<>();
        for (String path : container.writablePaths()) {
            if (!Rules.WRITABLE_PATH.matcher(path).matches()) {
                line.add("writablePaths", Rules.badWritablePath(path));
                continue;
            }
            String volume = ServiceNames.writableVolume(path);
            line.check(volume.length() <= AwsLimits.ECS_VOLUME_NAME_MAX, "writablePaths", Rules.volumeNameTooLong(path));
            pathsByVolume.computeIfAbsent(volume, v -> new ArrayList<>()).add(path);
        }
        pathsByVolume.values().stream().filter(paths -> paths.size() > 1)
                .forEach(paths -> line.add("writablePaths", Rules.sameVolume(String.join(", ", paths))));
        spec.addOns().forEach(addOn -> addOn.problems()
                .forEach((field, message) -> line.add(addOn.option() + "." + field, message)));
        spec.addOns().forEach(addOn -> line.check(addOn.needs().metBy(spec.shape()), addOn.option(),
                Rules.needsWhatTheServiceLacks(addOn.option(), addOn.needs().inWords())));
    }

    /** An image reference without its digest and tag: {@code registry:5000/team/app:1.2@sha256:...} is {@code registry:5000/team/app}. */
    static String imageName(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int tag = name.lastIndexOf(':');
        return tag > name.lastIndexOf('/') ? name.substring(0, tag) : name;
    }
}
