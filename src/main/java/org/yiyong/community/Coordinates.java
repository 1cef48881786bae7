package org.yiyong.community;

import java.math.BigDecimal;
import org.yiyong.shared.InvalidField;

/**
 * A place on the map (WGS-84, degrees), within Quanzhou: a point outside the city's bounding box is a typing
 * mistake (swapped latitude and longitude, a digit lost) and is refused with the box it must lie in.
 */
public record Coordinates(BigDecimal latitude, BigDecimal longitude) {

    /** Quanzhou's bounding box, a little generous at its edges (Dehua in the north-west, Chongwu in the east). */
    public static final BigDecimal SOUTH = new BigDecimal("24.30");
    public static final BigDecimal NORTH = new BigDecimal("25.95");
    public static final BigDecimal WEST = new BigDecimal("117.55");
    public static final BigDecimal EAST = new BigDecimal("119.10");

    /** The point, checked; {@code null} when both are left out; one without the other is refused. */
    public static Coordinates of(BigDecimal latitude, BigDecimal longitude) {
        if (latitude == null && longitude == null) {
            return null;
        }
        if (latitude == null || longitude == null) {
            throw new InvalidField(latitude == null ? "latitude" : "longitude", "coordinates.both");
        }
        if (latitude.compareTo(SOUTH) < 0 || latitude.compareTo(NORTH) > 0) {
            throw new InvalidField("latitude", "coordinates.outside", SOUTH, NORTH, WEST, EAST);
        }
        if (longitude.compareTo(WEST) < 0 || longitude.compareTo(EAST) > 0) {
            throw new InvalidField("longitude", "coordinates.outside", SOUTH, NORTH, WEST, EAST);
        }
        return new Coordinates(latitude.setScale(6, java.math.RoundingMode.HALF_UP),
                longitude.setScale(6, java.math.RoundingMode.HALF_UP));
    }
}
