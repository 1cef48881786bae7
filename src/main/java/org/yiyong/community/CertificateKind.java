package org.yiyong.community;

/** The certificates volunteers hold (救护员证, 水上救生, 消防安全, other). Stored by name. */
public enum CertificateKind {
    FIRST_AID, LIFESAVING, FIRE_SAFETY, OTHER
}
