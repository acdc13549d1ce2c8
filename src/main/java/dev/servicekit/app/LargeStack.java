package dev.servicekit.app;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work on a thread with a large stack. jsii nests every callback from Node into Java (each
 * Datadog resource's {@code synthesizeAttributes}) on the Java stack; about 2,000 of them overflow
 * the default stack in one synth.
 */
public final class LargeStack {
    /** 1 GiB of address space; only the pages actually used are committed. */
    public static final long STACK_BYTES = 1L << 30;

    private LargeStack() {}

    public static <T> T call(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "servicekit-synth", STACK_BYTES);
        thread.start();
        thread.join();
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
