package com.example.infra;

import dev.servicekit.Servicekit;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

/**
 * The team's services, one line each, in every environment of cdktf.json. Replace these two examples with
 * your own; `npm run synth` shows the result in cdktf.out/, `npm run update-snapshots` records it in stacks/.
 */
public final class Infrastructure {
    private Infrastructure() {}

    public static Catalog catalog() {
        return Catalog.of(
                // A queue worker: its queue and dead-letter queue, its tasks scaled on the backlog.
                Service.worker("invoices", "public.ecr.aws/docker/library/busybox:1.36").owner("billing")
                        .command("sh", "-c", "while true; do sleep 60; done"),
                // A web service behind an internal load balancer; nginx writes its cache and pid file.
                Service.web("portal", "public.ecr.aws/nginx/nginx:1.27", 80).owner("billing").internal()
                        .writablePaths("/var/cache/nginx", "/var/run"));
    }

    /** cdktf.json's app (through bin/app): synthesizes the catalog in every environment. */
    public static void main(String[] args) {
        Servicekit.synth(catalog());
    }
}
