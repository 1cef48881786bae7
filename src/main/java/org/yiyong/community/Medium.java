package org.yiyong.community;

/** What kind of outlet carried a media report (报纸、电视、广播、网站、新媒体). Stored by name. */
public enum Medium {
    NEWSPAPER, TV, RADIO, WEBSITE, NEW_MEDIA
}
