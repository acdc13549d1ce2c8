package dev.servicekit.architecture.cyclic.one;

/** A fixture: one half of a package cycle, for ArchitectureTest to catch. */
public final class First {
    public dev.servicekit.architecture.cyclic.two.Second next() {
        return null;
    }
}
