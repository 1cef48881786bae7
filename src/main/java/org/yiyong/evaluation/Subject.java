package org.yiyong.evaluation;

/** What a scheme evaluates: the counties (县级) or the work stations. */
public enum Subject {
    COUNTY,
    STATION
}
