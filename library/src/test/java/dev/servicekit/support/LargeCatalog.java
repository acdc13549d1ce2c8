package dev.servicekit.support;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

import java.util.ArrayList;
import java.util.List;

/** A catalog of many services, half workers and half web services, for scale tests and benchmarks. */
public final class LargeCatalog {
    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/large";

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
}
