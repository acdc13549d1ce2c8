package dev.servicekit.alerting;

/** The environment presets every monitor kind gives defaults for. */
public enum Preset {
    /** Looser thresholds; never pages. */
    STAGE,
    /** Tighter thresholds; symptoms page. */
    PROD
}
