package dev.servicekit.example;

import dev.servicekit.Servicekit;

/** This repository's cdktf app (cdktf.json's {@code app} runs it through bin/app): its catalog, synthesized. */
public final class ExampleApp {
    private ExampleApp() {}

    public static void main(String[] args) {
        Servicekit.synth(ExampleCatalog.services());
    }
}
