package org.yiyong.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The code of a region: six digits, the national administrative division code (GB/T 2260) of a province,
 * city or county, or the local code Yiyong gives a functional area in the same shape. Whether such a
 * region exists is the region tree's question ({@code Regions}); this type only refuses what cannot be a
 * code, at the field where it was typed.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    private static final Pattern SHAPE = Pattern.compile("\\d{6}");

    public RegionCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidField("region", "region.code.format");
        }
    }

    /** Reads a code as typed, without surrounding blanks; Spring binds request parameters through it. */
    @JsonCreator
    public static RegionCode of(String text) {
        return new RegionCode(text == null ? null : text.strip());
    }

    /** A code as typed, or {@code null} when nothing was typed. */
    public static RegionCode ofNullable(String text) {
        return text == null || text.isBlank() ? null : of(text);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
