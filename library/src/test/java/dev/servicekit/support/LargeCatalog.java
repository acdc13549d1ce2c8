package dev.servicekit.support;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

import java.util.ArrayList;
import java.util.List;

/** A catalog of many services, half workers and half web services, for scale tests and benchmarks. */
public final class LargeCatalog {
    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/large";
    /** Web services per shared load balancer in {@link #onSharedLoadBalancers}: AWS's 100 target groups per one. */
    public static final int PER_SHARED_LOAD_BALANCER = 100;

    private LargeCatalog() {}

    public static Catalog of(int services) {
        List<Service> lines = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            String name = String.format("svc%03d", i);
            lines.add(i % 2 == 0
                    ? Service.worker(name, "public.ecr.aws/docker/library/busybox:1.36").owner("team" + i % 7).runbook("https://runbooks.example.com/" + name)
                    : Service.web(name, "public.ecr.aws/nginx/nginx:1.27", 80).owner("team" + i % 7).runbook("https://runbooks.example.com/" + name)
                            .prod(p -> p.certificateArn(CERTIFICATE)));
        }
        return Catalog.of(lines);
    }

    /**
     * The same services for environments that share load balancers: no certificate of their own (the
     * environment's serves them all), the web services 100 to a load balancer in the order they were added, as a
     * team adds {@code .sharedLoadBalancer(n)} to new lines once a load balancer is full.
     */
    public static Catalog onSharedLoadBalancers(int services) {
        List<Service> lines = new ArrayList<>();
        int web = 0;
        for (int i = 0; i < services; i++) {
            String name = String.format("svc%03d", i);
            if (i % 2 == 0) {
                lines.add(Service.worker(name, "public.ecr.aws/docker/library/busybox:1.36").owner("team" + i % 7));
            } else {
                lines.add(Service.web(name, "public.ecr.aws/nginx/nginx:1.27", 80).owner("team" + i % 7)
                        .sharedLoadBalancer(web++ / PER_SHARED_LOAD_BALANCER));
            }
        }
        return Catalog.of(lines);
    }

    /** How many shared load balancers {@link #onSharedLoadBalancers} needs. */
    public static int sharedLoadBalancers(int services) {
        int web = services / 2;
        return (web + PER_SHARED_LOAD_BALANCER - 1) / PER_SHARED_LOAD_BALANCER;
    }
}
