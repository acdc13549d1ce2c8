package dev.servicekit.architecture.cyclic.two;

/** A fixture: the other half of a package cycle, for ArchitectureTest to catch. */
public final class Second {
    public dev.servicekit.architecture.cyclic.one.First back() {
        return null;
    }
}
