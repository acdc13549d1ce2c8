package dev.servicekit.generation;

/** The modules servicekit generates: one folder each under modules/. */
public enum ModuleKind {
    /** A queue worker: queue and DLQ, Fargate service scaling on backlog, monitors and dashboard. */
    WORKER("worker"),
    /** A web service behind its own ALB (HTTP), scaling on CPU, monitors and dashboard. */
    WEB_SERVICE("web-service");

    private final String folder;

    ModuleKind(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
