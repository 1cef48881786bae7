package org.yiyong.samaritans;

/** A relative's relation to the samaritan. Stored by name. */
public enum Relation {
    /** 配偶 */
    SPOUSE,
    /** 子女 */
    CHILD,
    /** 父母 */
    PARENT,
    /** 其他 */
    OTHER
}
