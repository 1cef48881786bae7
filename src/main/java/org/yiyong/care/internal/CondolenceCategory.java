package org.yiyong.care.internal;

/**
 * The roster categories of a condolence campaign, each paid the amount of the condolence standard in force
 * on the festival day. A person in several categories is put in the one paying most. Stored by name.
 */
public enum CondolenceCategory {
    /** 烈士家属 */
    MARTYR_FAMILY("烈士家属"),
    /** 牺牲（已故）人员家属 */
    DECEASED_FAMILY("已故人员家属"),
    /** 伤残人员 */
    DISABLED("伤残人员"),
    /** 省级及以上称号 */
    PROVINCIAL_HONOUR("省级及以上称号获得者"),
    /** 市级称号 */
    CITY_HONOUR("市级称号获得者"),
    /** 其他确认人员 */
    OTHER("见义勇为人员");

    private final String label;

    CondolenceCategory(String label) {
        this.label = label;
    }

    /** The Chinese name written into payment descriptions (pages use the message key instead). */
    public String label() {
        return label;
    }
}
