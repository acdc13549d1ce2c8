package dev.servicekit.alerting;

/**
 * Where an environment's (or a service's) alerts go. A symptom in alert pages {@code pageHandle} at
 * {@code pagePriority}; its warnings, and every cause, go to {@code notifyHandle} at {@code notifyPriority},
 * which must not page. Values may be Terraform references (a module's inputs).
 *
 * <p>The presets set priorities only: servicekit never invents a handle (one no team has would send every
 * alert nowhere), so an environment whose handles are {@link #NOT_SET} is refused at synth, naming the key.
 *
 * @param pageHandle     e.g. {@code @pagerduty-payments}; in an environment that never pages, its chat handle
 * @param pagePriority   1 (highest) to 5
 * @param notifyHandle   e.g. {@code @slack-payments}
 * @param notifyPriority 1 to 5, usually 3
 */
public record AlertRouting(String pageHandle, Number pagePriority, String notifyHandle, Number notifyPriority) {
    /** A handle the environment has not named yet. */
    public static final String NOT_SET = "";

    /** A preset's routing: its priorities, and no handle. */
    public static AlertRouting priorities(Number pagePriority, Number notifyPriority) {
        return new AlertRouting(NOT_SET, pagePriority, NOT_SET, notifyPriority);
    }

    public AlertRouting withPageHandle(String handle) {
        return new AlertRouting(handle, pagePriority, notifyHandle, notifyPriority);
    }

    public AlertRouting withNotifyHandle(String handle) {
        return new AlertRouting(pageHandle, pagePriority, handle, notifyPriority);
    }
}
