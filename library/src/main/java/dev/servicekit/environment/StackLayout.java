package dev.servicekit.environment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an environment's resources are split into Terraform stacks, each with a state and a lock of its own
 * (cdktf.json's {@code "stacks"}).
 */
public enum StackLayout {
    /**
     * One stack named like the environment ({@code prod}) holding everything: the default, and servicekit's
     * behaviour before layouts existed. {@code cdktf deploy prod} deploys the whole environment.
     */
    ENVIRONMENT,
    /**
     * A platform stack ({@code prod-platform}: network, cluster, load balancer log bucket, shared load
     * balancers, overview dashboard) and one stack per catalog line ({@code prod-<service>}), each depending
     * on the platform stack.
     */
    SERVICE,
    /**
     * A platform stack as for {@link #SERVICE} and one stack per owning team ({@code prod-<owner>}, from each
     * line's {@code .owner(...)}), holding that team's lines.
     */
    OWNER;

    /** The value cdktf.json names this layout by: {@code environment}, {@code service}, {@code owner}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layout cdktf.json names {@code key}, if there is one. */
    public static Optional<StackLayout> of(String key) {
        return Arrays.stream(values()).filter(layout -> layout.key().equals(key)).findFirst();
    }

    /** Every layout's key, for messages. */
    public static java.util.List<String> keys() {
        return Arrays.stream(values()).map(StackLayout::key).toList();
    }
}
