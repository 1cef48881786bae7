package org.yiyong;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns which table (declared in {@code module-tables.properties}), which module owns which JPA
 * entity (found in the main source), and a scanner that reads the string literals and text blocks of a
 * Java source file and reports every table (SQL) or entity (JPQL) of another module that they name after
 * {@code from}, {@code join}, {@code update}, {@code into} or {@code using}, or in a from-list after a comma.
 */
final class TableOwnership {

    /** A table or entity named by a module that does not own it. */
    record Crossing(String file, int line, String module, String name, String owner, String kind) {
        @Override
        public String toString() {
            return file + ":" + line + ": module " + module + " names " + kind + " " + name + " owned by " + owner;
        }
    }

    /** A string literal (adjacent literals joined by {@code +} count as one) and the line it starts on. */
    record Literal(String text, int line) {
    }

    static final String PLATFORM = "platform";

    private static final Set<String> TABLE_KEYWORDS = Set.of("from", "join", "update", "into", "using");

    /** table (lower case) → owner module */
    private final Map<String, String> tableOwners = new TreeMap<>();
    /** views other modules may read (lower case) */
    private final Map<String, String> publishedViews = new TreeMap<>();
    /** entity name as written in JPQL → owner module */
    private final Map<String, String> entityOwners = new TreeMap<>();
    /** entity class, fully qualified → owner module */
    private final Map<String, String> entityClasses = new TreeMap<>();

    static TableOwnership declared() {
        Properties properties = new Properties();
        try (InputStream in = TableOwnership.class.getResourceAsStream("module-tables.properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TableOwnership ownership = new TableOwnership();
        for (String key : properties.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            if (parts.length != 2 || !(parts[1].equals("tables") || parts[1].equals("views"))) {
                throw new IllegalStateException("module-tables.properties: unknown key " + key);
            }
            for (String name : properties.getProperty(key).split("[,\\s]+")) {
                if (name.isBlank()) {
                    continue;
                }
                if (parts[1].equals("tables")) {
                    ownership.table(name, parts[0]);
                } else {
                    ownership.view(name, parts[0]);
                }
            }
        }
        return ownership;
    }

    TableOwnership table(String table, String module) {
        String previous = tableOwners.put(table.toLowerCase(Locale.ROOT), module);
        if (previous != null) {
            throw new IllegalStateException("table " + table + " declared by both " + previous + " and " + module);
        }
        return this;
    }

    TableOwnership view(String view, String module) {
        table(view, module);
        publishedViews.put(view.toLowerCase(Locale.ROOT), module);
        return this;
    }

    TableOwnership entity(String entity, String module) {
        entityOwners.put(entity, module);
        return this;
    }

    Map<String, String> tableOwners() {
        return tableOwners;
    }

    Map<String, String> publishedViews() {
        return publishedViews;
    }

    Map<String, String> entityOwners() {
        return entityOwners;
    }

    /** The module of a main source file: the first package under org/yiyong, or platform for the root package. */
    static String moduleOf(Path sourceRoot, Path file) {
        Path relative = sourceRoot.relativize(file);
        return relative.getNameCount() == 1 ? PLATFORM : relative.getName(0).toString();
    }

    /** Every JPA entity of the main source (by its simple class name, or its {@code @Entity(name)}), by module. */
    TableOwnership withEntitiesOf(Path sourceRoot) {
        Pattern entity = Pattern.compile("@Entity(?:\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"\\s*\\))?[\\s\\S]*?\\bclass\\s+(\\w+)");
        for (Path file : javaFiles(sourceRoot)) {
            String source = read(file);
            Matcher m = entity.matcher(source);
            if (source.contains("jakarta.persistence.Entity") && m.find()) {
                String module = moduleOf(sourceRoot, file);
                entity(m.group(1) != null ? m.group(1) : m.group(2), module);
                String className = sourceRoot.relativize(file).toString().replace(".java", "")
                        .replace(java.io.File.separatorChar, '.');
                entityClasses.put("org.yiyong." + className, module);
            }
        }
        return this;
    }

    /** The crossings of every main source file under {@code sourceRoot} (the org/yiyong folder). */
    List<Crossing> crossingsIn(Path sourceRoot) {
        List<Crossing> crossings = new ArrayList<>();
        for (Path file : javaFiles(sourceRoot)) {
            crossings.addAll(crossings(sourceRoot.relativize(file).toString(), moduleOf(sourceRoot, file), read(file)));
        }
        return crossings;
    }

    /** The uses of another module's entity class in every main source file under {@code sourceRoot}. */
    List<Crossing> entityClassUsesIn(Path sourceRoot) {
        List<Crossing> crossings = new ArrayList<>();
        for (Path file : javaFiles(sourceRoot)) {
            crossings.addAll(entityClassUses(sourceRoot.relativize(file).toString(), moduleOf(sourceRoot, file),
                    read(file)));
        }
        return crossings;
    }

    private static final Pattern JAVA_MIGRATION = Pattern.compile("V\\d+(?:_\\d+)*__\\w+\\.java");

    /** The crossings in one Java source of the given module. */
    List<Crossing> crossings(String file, String module, String javaSource) {
        List<Crossing> crossings = new ArrayList<>();
        if (JAVA_MIGRATION.matcher(Path.of(file).getFileName().toString()).matches()) {
            // a versioned Java migration is schema history: it may move data from one owner's tables to another's
            return crossings;
        }
        for (Literal literal : literals(javaSource)) {
            if (!looksLikeSql(literal.text())) {
                continue;
            }
            for (String name : namedTables(literal.text())) {
                String entityOwner = entityOwners.get(name);
                if (entityOwner != null) {
                    if (!entityOwner.equals(module)) {
                        crossings.add(new Crossing(file, literal.line(), module, name, entityOwner, "entity"));
                    }
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                String owner = tableOwners.get(lower);
                if (owner != null && !owner.equals(module) && !publishedViews.containsKey(lower)) {
                    crossings.add(new Crossing(file, literal.line(), module, lower, owner, "table"));
                }
            }
        }
        return crossings;
    }

    /** Imports of another module's entity class (by fully qualified name) in one source of the given module. */
    List<Crossing> entityClassUses(String file, String module, String javaSource) {
        List<Crossing> crossings = new ArrayList<>();
        Matcher m = Pattern.compile("\\borg\\.yiyong(?:\\.\\w+)+").matcher(javaSource);
        while (m.find()) {
            // the class itself, or a type nested in it (org.yiyong.x.Entity.Status)
            String name = m.group();
            while (name.contains(".") && !entityClasses.containsKey(name)) {
                name = name.substring(0, name.lastIndexOf('.'));
            }
            String owner = entityClasses.get(name);
            if (owner != null && !owner.equals(module)) {
                int line = (int) javaSource.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                crossings.add(new Crossing(file, line, module, name, owner, "entity class"));
            }
        }
        return crossings;
    }

    private static final Pattern SQL = Pattern.compile("(?is)\\bselect\\b|\\binsert\\s+into\\b|\\bdelete\\s+from\\b"
            + "|\\bmerge\\s+into\\b|\\bupdate\\s+[\\w.]+(\\s+\\w+)?\\s+set\\b|\\bjoin\\s+[\\w.]+(\\s+(as\\s+)?\\w+)?\\s+on\\b"
            + "|\\bfrom\\s+[\\w.]+(\\s+(as\\s+)?\\w+)?\\s*(,|\\bwhere\\b|\\b(left|inner|cross|right|full)?\\s*join\\b)");

    /**
     * Whether a literal is (a piece of) a SQL or JPQL statement, rather than a message that says
     * "merged into deed": a select, an insert, update, delete or merge, a join with its condition, or a
     * from clause followed by its where, a join or another table.
     */
    static boolean looksLikeSql(String text) {
        return SQL.matcher(text).find();
    }

    /** The identifiers a SQL or JPQL text names as tables or entities: after from/join/update/into/using and in from-lists. */
    static List<String> namedTables(String sql) {
        List<String> tokens = sqlTokens(sql);
        List<String> named = new ArrayList<>();
        for (int i = 0; i < tokens.size() - 1; i++) {
            String keyword = tokens.get(i).toLowerCase(Locale.ROOT);
            if (!TABLE_KEYWORDS.contains(keyword)) {
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && isTableName(tokens.get(j))) {
                named.add(tableName(tokens.get(j)));
                if (!keyword.equals("from")) {
                    break;
                }
                // a from-list: from a x, b y — skip the alias (with or without "as") and go on after a comma
                int k = j + 1;
                if (k < tokens.size() && tokens.get(k).equalsIgnoreCase("as")) {
                    k++;
                }
                if (k < tokens.size() && isIdentifier(tokens.get(k)) && !isClauseWord(tokens.get(k))) {
                    k++;
                }
                if (k < tokens.size() - 1 && tokens.get(k).equals(",")) {
                    j = k + 1;
                } else {
                    break;
                }
            }
        }
        return named;
    }

    private static final Set<String> CLAUSE_WORDS = Set.of("where", "join", "inner", "left", "right", "full", "cross",
            "on", "group", "order", "having", "limit", "offset", "fetch", "union", "except", "intersect", "for",
            "natural", "lateral", "set", "values", "select", "window");

    private static boolean isClauseWord(String token) {
        return CLAUSE_WORDS.contains(token.toLowerCase(Locale.ROOT));
    }

    private static boolean isIdentifier(String token) {
        return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
    }

    /** A plain name, or one qualified by the schema (public.x); a dotted JPQL path (h.members) is no table. */
    private static boolean isTableName(String token) {
        if (!isIdentifier(token)) {
            return false;
        }
        int dot = token.indexOf('.');
        return dot < 0 || token.substring(0, dot).equalsIgnoreCase("public");
    }

    private static String tableName(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    /** Words, dotted names and single punctuation of a SQL text, without its quoted strings and comments. */
    static List<String> sqlTokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = sql.indexOf('\'', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '"') {
                // a quoted identifier
                int end = sql.indexOf('"', i + 1);
                tokens.add(end < 0 ? sql.substring(i + 1) : sql.substring(i + 1, end));
                i = end < 0 ? n : end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '.' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(sql.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /**
     * The string literals and text blocks of a Java source, without its comments and character literals;
     * literals joined by {@code +} (and nothing else) are joined into one.
     */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = source.length();
        int line = 1;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = i;
                int contentStart = source.indexOf('\n', i + 3) + 1;
                int j = contentStart;
                while (j < n && !source.startsWith("\"\"\"", j)) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(new Literal(unescape(source.substring(contentStart, Math.min(j, n))), line));
                spans.add(new int[] {start, Math.min(j + 3, n)});
                line += count(source, i, Math.min(j + 3, n));
                i = j + 3;
            } else if (c == '"') {
                int start = i;
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(new Literal(unescape(source.substring(i + 1, Math.min(j, n))), line));
                spans.add(new int[] {start, Math.min(j + 1, n)});
                i = j + 1;
            } else {
                i++;
            }
        }
        // "select … from " + "samaritan s" is one statement
        List<Literal> joined = new ArrayList<>();
        for (int k = 0; k < literals.size(); k++) {
            if (k > 0 && source.substring(spans.get(k - 1)[1], spans.get(k)[0]).matches("\\s*\\+\\s*")) {
                Literal previous = joined.remove(joined.size() - 1);
                joined.add(new Literal(previous.text() + literals.get(k).text(), previous.line()));
            } else {
                joined.add(literals.get(k));
            }
        }
        return joined;
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < source.length(); k++) {
            if (source.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' && k + 1 < text.length()) {
                char next = text.charAt(++k);
                switch (next) {
                    case 'n', 't', 'r', 'f', 's', '\n' -> out.append(' ');
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The tables and views each migration creates, by name (lower case) → "table" or "view". */
    static Map<String, String> createdByMigrations(Path migrationRoot) {
        Map<String, String> created = new LinkedHashMap<>();
        Pattern create = Pattern.compile(
                "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?(\\w+)");
        try (Stream<Path> files = Files.walk(migrationRoot)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String sql = read(file).replaceAll("--[^\\n]*", "");
                Matcher m = create.matcher(sql);
                while (m.find()) {
                    created.put(m.group(2).toLowerCase(Locale.ROOT), m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created;
    }

    static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
