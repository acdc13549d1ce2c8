package dev.servicekit.catalog;

/**
 * Fargate task sizes, named: {@code Fargate.cpu(512).memoryMiB(1024)}. Validation checks the pair
 * against the sizes AWS offers.
 */
public final class Fargate {
    private Fargate() {}

    /** {@code units} of vCPU, 1024 per vCPU: 256, 512, 1024, 2048, 4096, 8192 or 16384. */
    public static Cpu cpu(int units) {
        return new Cpu(units);
    }

    /** A cpu size waiting for its memory. */
    public record Cpu(int units) {
        /** The task size of this cpu with {@code mebibytes} of memory. */
        public TaskSize memoryMiB(int mebibytes) {
            return new TaskSize(units, mebibytes);
        }
    }

    /**
     * A Fargate task size.
     *
     * @param cpu       cpu units
     * @param memoryMiB memory in MiB
     */
    public record TaskSize(int cpu, int memoryMiB) {}
}
