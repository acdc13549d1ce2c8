package dev.servicekit.alerting;

/**
 * Where an environment's (or a service's) alerts go. A symptom in alert pages {@code pageHandle} at
 * {@code pagePriority}; its warnings, and every cause, go to {@code notifyHandle} at {@code notifyPriority},
 * which must not page. Values may be Terraform references (a module's inputs).
 *
 * @param pageHandle     e.g. {@code @pagerduty-servicekit-prod}; in an environment that never pages, its
 *                       chat handle
 * @param pagePriority   1 (highest) to 5
 * @param notifyHandle   e.g. {@code @slack-servicekit-prod}
 * @param notifyPriority 1 to 5, usually 3
 */
public record AlertRouting(String pageHandle, Number pagePriority, String notifyHandle, Number notifyPriority) {

    public AlertRouting withPageHandle(String handle) {
        return new AlertRouting(handle, pagePriority, notifyHandle, notifyPriority);
    }

    public AlertRouting withNotifyHandle(String handle) {
        return new AlertRouting(pageHandle, pagePriority, handle, notifyPriority);
    }
}
