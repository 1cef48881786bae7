package org.yiyong.samaritans.internal;

/** How a person came into the registry. Stored by name. */
public enum SamaritanSource {
    /** registered when a deed confirmed them */
    DEED,
    /** entered by hand from the records kept before Yiyong, with the source document */
    HISTORICAL
}
