package org.yiyong.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.RegionCode;

/**
 * The region tree. Regions come from a migration and change only with a new one, so they are read
 * once and kept.
 */
@Service
public class Regions {

    private final Map<String, Region> byCode;
    private final Map<String, List<String>> childCodes;
    private final List<Region> roots;
    private final List<Region> listOrder;
    private final Map<String, Integer> positions = new HashMap<>();

    Regions(JdbcClient jdbc) {
        List<Region> flat = jdbc.sql("""
                select code, name, level, parent_code, official from region order by sort_order, code""")
                .query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"),
                        RegionLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
                        rs.getBoolean("official"), List.of()))
                .list();
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Region> flatByCode = new LinkedHashMap<>();
        for (Region region : flat) {
            flatByCode.put(region.code(), region);
            if (region.parentCode() != null) {
                children.computeIfAbsent(region.parentCode(), key -> new ArrayList<>()).add(region.code());
            }
        }
        this.childCodes = children;
        Map<String, Region> built = new LinkedHashMap<>();
        List<Region> rootList = new ArrayList<>();
        for (Region region : flat) {
            if (region.parentCode() == null) {
                rootList.add(build(region.code(), flatByCode, built));
            }
        }
        for (Region region : flat) {
            build(region.code(), flatByCode, built);
        }
        this.byCode = built;
        this.roots = List.copyOf(rootList);
        this.listOrder = flat.stream().map(region -> built.get(region.code())).toList();
        for (int i = 0; i < flat.size(); i++) {
            positions.put(flat.get(i).code(), i);
        }
    }

    private Region build(String code, Map<String, Region> flat, Map<String, Region> built) {
        Region done = built.get(code);
        if (done != null) {
            return done;
        }
        Region region = flat.get(code);
        List<Region> kids = childCodes.getOrDefault(code, List.of()).stream()
                .map(child -> build(child, flat, built))
                .toList();
        Region full = new Region(region.code(), region.name(), region.level(), region.parentCode(),
                region.official(), kids);
        built.put(code, full);
        return full;
    }

    /** The top of the tree (Fujian), with everything below it. */
    public List<Region> tree() {
        return roots;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Optional<Region> find(RegionCode code) {
        return find(code == null ? null : code.value());
    }

    /** Every region in list order: by its sort order, then by code. */
    public List<Region> inListOrder() {
        return listOrder;
    }

    /** Orders region codes as {@link #inListOrder()} does; an unknown code comes last. */
    public Comparator<String> listOrder() {
        return Comparator.comparingInt(code -> positions.getOrDefault(code, Integer.MAX_VALUE));
    }

    /** The city: the one region of level CITY. */
    public Region city() {
        List<Region> cities = listOrder.stream().filter(region -> region.level() == RegionLevel.CITY).toList();
        if (cities.size() != 1) {
            throw new IllegalStateException("expected one city region, found " + cities.size());
        }
        return cities.get(0);
    }

    public String nameOf(String code) {
        return find(code).map(Region::name).orElse(code);
    }

    /** A region and every region below it: the data scope of the people who work there. */
    public DataScope scopeOf(String code) {
        Set<String> codes = new TreeSet<>();
        collect(code, codes);
        return DataScope.of(codes);
    }

    /** The regions within a scope, in tree order, for choosing in forms. */
    public List<Region> within(DataScope scope) {
        List<Region> ordered = new ArrayList<>();
        roots.forEach(root -> preOrder(root, ordered));
        return ordered.stream().filter(region -> scope.covers(region.code())).toList();
    }

    private static void preOrder(Region region, List<Region> into) {
        into.add(region);
        region.children().forEach(child -> preOrder(child, into));
    }

    private void collect(String code, Set<String> codes) {
        codes.add(code);
        for (String child : childCodes.getOrDefault(code, List.of())) {
            collect(child, codes);
        }
    }
}
