package dev.servicekit.alerting;

/**
 * Whether a monitor's alert means a person must act now. Following the Google SRE workbook ("Alerting
 * on SLOs", and "Monitoring Distributed Systems": page on symptoms, not causes): a symptom pages in
 * environments that page (prod), a cause notifies a non-paging handle, to be looked at during the day.
 * A service's symptoms page together, through one composite ({@link PagingPlan}): one outage, one incident.
 */
public enum Severity {
    /** Users or throughput are hurt now: the service's outage composite pages where the environment pages. */
    SYMPTOM,
    /** Worth a look during the day: never pages. */
    CAUSE,
    /**
     * A condition other symptoms need before they may page (a traffic floor): it notifies no one and is
     * tagged {@code severity:part}, like a composite's silent parts.
     */
    CONDITION;

    /** The tag that says how a monitor notifies: {@code severity:symptom}, {@code severity:cause}, {@code severity:part}. */
    public static final String TAG = "severity:";
}
