package dev.servicekit.alerting;

/**
 * What a service has that monitors watch, and so which monitor kinds it gets ({@link MonitorKind#appliesTo}).
 * Built by name: {@code ServiceShape.BARE.withQueue().withLoadBalancer(true)}.
 *
 * @param queue          it has a queue (workers always; web services with {@code .withQueue()})
 * @param loadBalancer   it serves requests behind a load balancer
 * @param internetFacing its load balancer is reachable from the internet (a generated module decides it at plan,
 *                       and counts it as possible)
 */
public record ServiceShape(boolean queue, boolean loadBalancer, boolean internetFacing) {
    /** Tasks alone: no queue, no load balancer. */
    public static final ServiceShape BARE = new ServiceShape(false, false, false);

    public ServiceShape withQueue() {
        return new ServiceShape(true, loadBalancer, internetFacing);
    }

    public ServiceShape withLoadBalancer(boolean reachableFromTheInternet) {
        return new ServiceShape(queue, true, reachableFromTheInternet);
    }
}
