package cn.gov.shanwei.xinyixing.payment.entity;

/**
 * What was done with an authentic notification. Each is acknowledged to the platform (so it stops
 * retrying) with this code, and kept; only {@code APPLIED} changed the agreement.
 */
public enum NotificationOutcome {
    /** The agreement changed (or stayed, for a second reason to block) as the event says. */
    APPLIED,
    /** This event id was seen before; nothing is done again. */
    DUPLICATE,
    /** The event is older than the last one applied to the agreement: the news is outdated. */
    STALE,
    /** The event makes no sense in the agreement's status (e.g. signed again after being blocked). */
    TRANSITION_REFUSED
}
