package dev.servicekit.alerting;

/**
 * What a service has that monitors watch, and so which monitor kinds it gets ({@link MonitorKind#appliesTo}).
 * Built by name: {@code ServiceShape.BARE.withQueue().withLoadBalancer(true)}.
 *
 * @param queue          it has a queue (workers always; web services with {@code .withQueue()})
 * @param loadBalancer   it serves requests behind a load balancer
 * @param internetFacing its load balancer is reachable from the internet (a generated module decides it at plan,
 *                       and counts it as possible)
 * @param addOns         the options of its add-ons, e.g. {@code schedule} (a generated module counts those it offers)
 */
public record ServiceShape(boolean queue, boolean loadBalancer, boolean internetFacing, java.util.Set<String> addOns) {
    /** Tasks alone: no queue, no load balancer, no add-on. */
    public static final ServiceShape BARE = new ServiceShape(false, false, false, java.util.Set.of());

    public ServiceShape {
        addOns = java.util.Set.copyOf(addOns);
    }

    public ServiceShape withQueue() {
        return new ServiceShape(true, loadBalancer, internetFacing, addOns);
    }

    public ServiceShape withLoadBalancer(boolean reachableFromTheInternet) {
        return new ServiceShape(queue, true, reachableFromTheInternet, addOns);
    }

    /** This shape with the add-ons of these options besides. */
    public ServiceShape withAddOns(java.util.Collection<String> options) {
        java.util.Set<String> all = new java.util.TreeSet<>(addOns);
        all.addAll(options);
        return new ServiceShape(queue, loadBalancer, internetFacing, all);
    }
}
