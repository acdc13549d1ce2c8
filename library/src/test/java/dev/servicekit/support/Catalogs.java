package dev.servicekit.support;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

/** Catalogs the tests share, so that each synthesizes once per JVM. */
public final class Catalogs {
    private Catalogs() {}

    public static Service worker() {
        return Service.worker("billing-worker", "public.ecr.aws/docker/library/busybox:1.36")
                .owner("payments")
                .env("LOG_LEVEL", "info")
                .secret("STRIPE_KEY");
    }

    public static Service web() {
        return Service.web("checkout", "public.ecr.aws/nginx/nginx:1.27", 8080)
                .owner("storefront")
                .healthCheck("/healthz")
                .withQueue()
                .prod(p -> p.counts(c -> c.min(3).desired(4).max(20)).certificateArn("arn:aws:acm:us-east-1:123456789012:certificate/abc"));
    }

    public static Catalog workerAndWeb() {
        return Catalog.of(worker(), web());
    }

    private static Synthesized workerAndWeb;

    /** {@link #workerAndWeb()} synthesized once per test JVM. */
    public static synchronized Synthesized workerAndWebSynthesized() {
        if (workerAndWeb == null) {
            workerAndWeb = Synthesized.of(workerAndWeb());
        }
        return workerAndWeb;
    }
}
