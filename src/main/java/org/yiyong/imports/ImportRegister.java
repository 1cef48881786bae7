package org.yiyong.imports;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yiyong.identity.CurrentUser;

/**
 * A register that can be imported, implemented by the module that owns its records: its columns, its rules for
 * one row, which rows are on file already, and how the checked rows are saved and undone. The imports module
 * never touches the records themselves.
 */
public interface ImportRegister {

    /** The register's key in addresses and the API, e.g. {@code samaritans}. */
    String key();

    /** The message key of the register's name, e.g. 见义勇为人员. */
    String titleKey();

    /** The columns of the template, in order. */
    List<Column> columns();

    /** Whether the caller may import into this register at all (rows outside their scope are refused one by one). */
    boolean mayImport(CurrentUser me);

    /**
     * Checks one row, whose cells are given by column key (already trimmed; {@code null} when empty): its values as
     * they will be saved and its natural key (the same record imported twice has the same key), or its problems.
     */
    Check check(CurrentUser me, Map<String, String> cells);

    /**
     * Checks a part of the file's rows, in order; by default one by one. A register that needs to look something up
     * for its rows (people on file, titles) does it here once for all of them.
     */
    default List<Check> check(CurrentUser me, List<Map<String, String>> rows) {
        return rows.stream().map(cells -> check(me, cells)).toList();
    }

    /** The natural keys among these that are on file already. */
    Set<String> existing(Collection<String> naturalKeys);

    /**
     * Saves checked rows within the caller's transaction, each noted as coming from the import and its row;
     * answers the id of the record each row became, in order. A large import is saved a part at a time, all parts in
     * one transaction and in the file's order: a row may name what an earlier part saved.
     */
    List<Long> save(CurrentUser me, Source source, List<Row> rows);

    /**
     * Removes the records an import created, when nothing else refers to them yet.
     *
     * @throws org.yiyong.shared.DomainException when one of them is referred to (the import stays)
     */
    int undo(CurrentUser me, long importId);

    /** A column: its key, its header in the template, whether it must be filled, what it holds, an example. */
    record Column(String key, String header, boolean required, String help, String example, List<String> choices) {

        public Column {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /** A problem of one cell (or of the row when {@code column} is {@code null}): the message key and arguments. */
    record Problem(String column, String messageKey, List<Object> arguments) {

        public static Problem of(String column, String messageKey, Object... arguments) {
            return new Problem(column, messageKey, List.of(arguments));
        }
    }

    /** The outcome of checking a row: its values and natural key, or its problems. */
    record Check(Map<String, String> values, String naturalKey, List<Problem> problems) {

        public static Check valid(Map<String, String> values, String naturalKey) {
            return new Check(values, naturalKey, List.of());
        }

        public static Check refused(List<Problem> problems) {
            return new Check(Map.of(), null, List.copyOf(problems));
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /** Where rows come from: the import and its file. */
    record Source(long importId, String fileName) {
    }

    /** A checked row to save: its row number in the file and its values. */
    record Row(int number, Map<String, String> values) {
    }
}
