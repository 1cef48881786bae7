package org.yiyong.shared;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The regions whose records a user may see: the region of the user's organization and every region
 * below it. Queries filter on these codes in SQL; a record outside them does not exist for the user.
 */
public record DataScope(Set<String> regionCodes) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public DataScope {
        if (regionCodes == null || regionCodes.isEmpty()) {
            throw new IllegalArgumentException("a data scope covers at least one region");
        }
        regionCodes = Set.copyOf(regionCodes);
    }

    public static DataScope of(Collection<String> regionCodes) {
        return new DataScope(Set.copyOf(regionCodes));
    }

    public boolean covers(String regionCode) {
        return regionCode != null && regionCodes.contains(regionCode);
    }

    public boolean covers(RegionCode regionCode) {
        return regionCode != null && covers(regionCode.value());
    }

    /**
     * The codes of one region of the scope, or of the whole scope when none is named (blank), for a list
     * narrowed to a region; a region outside the scope is not found.
     */
    public Set<String> narrowedTo(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            return sortedCodes();
        }
        if (!covers(regionCode)) {
            throw new RecordNotFound("Region", regionCode);
        }
        return Set.of(regionCode);
    }

    /** The codes in a stable order, for logs and SQL parameters. */
    public Set<String> sortedCodes() {
        return new TreeSet<>(regionCodes);
    }
}
