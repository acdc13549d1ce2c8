package dev.servicekit.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work on each environment's stack side by side, for the parts of synthesis that are pure Java. */
final class Parallel {
    private Parallel() {}

    /** Work that may throw. */
    @FunctionalInterface
    interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Runs {@code work} on each item, on its own thread when {@code parallel}; results in order. */
    static <T, R> List<R> each(List<T> items, Work<T, R> work, boolean parallel) {
        try {
            if (!parallel || items.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
                List<R> results = new ArrayList<>();
                for (T item : items) {
                    results.add(work.apply(item));
                }
                return results;
            }
            ExecutorService threads = Executors.newFixedThreadPool(
                    Math.min(items.size(), Runtime.getRuntime().availableProcessors()), runnable -> {
                        Thread thread = new Thread(runnable, "servicekit-stack");
                        thread.setDaemon(true);
                        return thread;
                    });
            try {
                List<Future<R>> futures = new ArrayList<>();
                for (T item : items) {
                    futures.add(threads.submit(() -> work.apply(item)));
                }
                List<R> results = new ArrayList<>();
                for (Future<R> future : futures) {
                    results.add(future.get());
                }
                return results;
            } finally {
                threads.shutdownNow();
            }
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw rethrown(e);
        }
    }

    /** Each item's work without a result. */
    static <T> void forEach(List<T> items, java.util.function.Consumer<T> work, boolean parallel) {
        each(items, item -> {
            work.accept(item);
            return null;
        }, parallel);
    }

    /** Starts {@code work} on a thread of its own. */
    static <R> java.util.concurrent.CompletableFuture<R> background(java.util.function.Supplier<R> work) {
        java.util.concurrent.CompletableFuture<R> result = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "servicekit-background");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * The stack a synthesis runs on: jsii nests each callback from Node into Java on the calling thread's stack
     * (cdktf-java.md: about 2,000 in one synth overflowed the default), and a catalog of a thousand customized
     * stacks makes several each. Reserved, not committed: the pages are used only as deep as the calls go.
     */
    static final long LARGE_STACK_BYTES = 1L << 30;

    /** Runs {@code work} on a thread with {@link #LARGE_STACK_BYTES} of stack, and waits for it. */
    static void withLargeStack(Runnable work) {
        java.util.concurrent.CompletableFuture<Void> result = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                work.run();
                result.complete(null);
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "servicekit-synth", LARGE_STACK_BYTES);
        thread.start();
        join(result);
    }

    /** The result of background work, or its failure rethrown. */
    static <R> R join(java.util.concurrent.CompletableFuture<R> work) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
