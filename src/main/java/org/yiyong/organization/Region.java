package org.yiyong.organization;

import java.util.List;

/**
 * A region by its GB/T 2260 code ({@code official}), or by a stable local code for the functional
 * areas that have none.
 */
public record Region(String code, String name, RegionLevel level, String parentCode, boolean official,
        List<Region> children) {

    public Region {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
