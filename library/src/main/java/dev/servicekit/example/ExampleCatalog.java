package dev.servicekit.example;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

/**
 * The services this repository deploys: one line each. Public images, so that {@code cdktf deploy stage}
 * on a fresh account starts healthy tasks. This repository's own example, behind its stacks/ snapshots;
 * not part of the library's jar.
 */
public final class ExampleCatalog {
    private ExampleCatalog() {}

    public static Catalog services() {
        return Catalog.of(
                Service.worker("integrations-consumer", "public.ecr.aws/docker/library/busybox:1.36")
                        .owner("integrations").runbook("https://runbooks.example.com/integrations-consumer")
                        .command("sh", "-c", "while true; do echo waiting for $QUEUE_NAME; sleep 60; done"),
                // Prod requires HTTPS; plain HTTP is allowed here on purpose until the account's certificate
                // is set in cdktf.json (context.servicekit.prod.certificateArn).
                Service.web("auth", "public.ecr.aws/nginx/nginx:1.27", 80)
                        .owner("identity").runbook("https://runbooks.example.com/auth")
                        // nginx writes its cache and pid file; everything else of its root stays read-only.
                        .writablePaths("/var/cache/nginx", "/var/run")
                        .prod(p -> p.counts(c -> c.min(2).desired(3).max(12)).allowPlainHttp()));
    }
}
