package dev.servicekit.bench;

import dev.servicekit.Servicekit;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * The TypeScript peer's workload ({@code ../shared/peers/ts}) as a servicekit app, for {@code npm run bench}:
 * {@code SERVICES} services (default 70) in the environments of the working directory's cdktf.json, {@code svc<i>}
 * a web service (with a queue, as the peer's) when {@code i % 3 == 0} and a queue worker otherwise, images in a
 * private ECR repository. The web services name their shared load balancer, 100 to one in the order they were
 * added, for environments that share them (the others ignore it).
 */
public final class PeerWorkload {
    private static final String REPOSITORY = "123456789012.dkr.ecr.us-west-2.amazonaws.com";

    private PeerWorkload() {}

    /** Web services per shared load balancer: AWS's 100 target groups per load balancer. */
    public static final int PER_SHARED_LOAD_BALANCER = 100;

    public static Catalog catalog(int services) {
        List<Service> lines = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            String name = "svc" + i;
            String image = REPOSITORY + "/" + name + ":latest";
            lines.add(i % 3 == 0
                    ? Service.web(name, image, 8080).withQueue().owner("team" + i % 7).prod(p -> p.allowPlainHttp())
                            .sharedLoadBalancer(i / 3 / PER_SHARED_LOAD_BALANCER)
                    : Service.worker(name, image).owner("team" + i % 7));
        }
        return Catalog.of(lines);
    }

    public static void main(String[] args) {
        String services = System.getenv().getOrDefault("SERVICES", "70");
        Servicekit.synth(catalog(Integer.parseInt(services)));
    }
}
