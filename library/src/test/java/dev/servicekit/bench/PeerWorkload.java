package dev.servicekit.bench;

import dev.servicekit.Servicekit;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * The TypeScript peer's workload ({@code ../shared/peers/ts}) as a servicekit app, for {@code npm run bench}:
 * {@code SERVICES} services (default 70) in stage and prod, {@code svc<i>} a web service (with a queue, as
 * the peer's) when {@code i % 3 == 0} and a queue worker otherwise, images in a private ECR repository.
 */
public final class PeerWorkload {
    private static final String REPOSITORY = "123456789012.dkr.ecr.us-west-2.amazonaws.com";

    private PeerWorkload() {}

    public static Catalog catalog(int services) {
        List<Service> lines = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            String name = "svc" + i;
            String image = REPOSITORY + "/" + name + ":latest";
            lines.add(i % 3 == 0
                    ? Service.web(name, image, 8080).withQueue().owner("team" + i % 7).prod(p -> p.allowPlainHttp())
                    : Service.worker(name, image).owner("team" + i % 7));
        }
        return Catalog.of(lines);
    }

    public static void main(String[] args) {
        String services = System.getenv().getOrDefault("SERVICES", "70");
        Servicekit.synth(catalog(Integer.parseInt(services)));
    }
}
