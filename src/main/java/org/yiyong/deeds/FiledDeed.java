package org.yiyong.deeds;

/** A deed just put on file, as other modules see it: its id and its number (e.g. 晋见〔2026〕12号). */
public record FiledDeed(long id, String number) {
}
