package dev.servicekit.environment;

/**
 * What an environment protects against mistakes: on in prod, off in stage, where being able to tear everything
 * down and to call a service over plain HTTP matters more.
 *
 * @param protectStatefulResources queues, dead-letter queues and log groups get {@code prevent_destroy}, load
 *                                 balancers deletion protection (without it buckets get {@code force_destroy});
 *                                 default off
 * @param httpsRequired            an internet-facing web service needs a certificate, unless its line allows
 *                                 plain HTTP on purpose; default off
 */
public record Safeguards(boolean protectStatefulResources, boolean httpsRequired) {
    /** Stage's: nothing protected, plain HTTP allowed. */
    public static final Safeguards NONE = new Safeguards(false, false);
    /** Prod's: stateful resources protected, HTTPS required. */
    public static final Safeguards ALL = new Safeguards(true, true);
}
