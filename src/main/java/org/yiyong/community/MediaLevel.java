package org.yiyong.community;

/** The level of a media outlet (国家级、省级、市级、县级). Stored by name. */
public enum MediaLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY
}
