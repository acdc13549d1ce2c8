package com.example.infra;

import dev.servicekit.Servicekit;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;

/** The team's services, one line each, in every environment of cdktf.json. */
public final class Infrastructure {
    private Infrastructure() {}

    public static Catalog catalog() {
        return Catalog.of(
                Service.worker("invoices", "public.ecr.aws/docker/library/busybox:1.36").owner("billing")
                        .command("sh", "-c", "while true; do sleep 60; done"),
                Service.web("portal", "public.ecr.aws/nginx/nginx:1.27", 80).owner("billing").internal()
                        .writablePaths("/var/cache/nginx", "/var/run"));
    }

    public static void main(String[] args) {
        Servicekit.synth(catalog());
    }
}
