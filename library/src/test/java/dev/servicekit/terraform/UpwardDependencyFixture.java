package dev.servicekit.terraform;

/** A fixture: a class of the lowest layer that uses the parts layer, for ArchitectureTest to catch. */
final class UpwardDependencyFixture {
    Object parts() {
        return dev.servicekit.parts.ServiceParts.of(null);
    }
}
