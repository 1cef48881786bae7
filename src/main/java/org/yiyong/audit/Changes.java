package org.yiyong.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yiyong.audit.internal.FieldChange;

/** The fields that differ between two snapshots of a record. */
public final class Changes {

    private Changes() {
    }

    /** A record that did not exist before. */
    public static List<FieldChange> created(Map<String, ?> after) {
        return between(Map.of(), after);
    }

    public static List<FieldChange> between(Map<String, ?> before, Map<String, ?> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = text(before.get(field));
            String is = text(after.get(field));
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    /** A snapshot that keeps the order fields were put in, and allows {@code null} values. */
    public static Map<String, Object> snapshot(Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values come in pairs");
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            snapshot.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return snapshot;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
