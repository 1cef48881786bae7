package org.yiyong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries (no cycles, only declared dependencies, nothing reached inside
 * another module), and the module documentation in {@code docs/modules} shows them as they are.
 */
class ModularityTests {

    /** The committed module documentation: component diagram, one diagram and one canvas per module. */
    static final Path DOCS = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(Yiyong.class);

    @Test
    void modules_keep_their_boundaries() {
        modules.verify();
    }

    /**
     * Writes the documentation and compares it with {@code docs/modules}; when they differ, the committed
     * files are replaced and the test fails, so a change to the modules shows in the committed pictures.
     * The Documenter does not keep the order of relations from one run to the next, so files are
     * compared line by line regardless of the order of lines, or of the items of a list within a line,
     * and left alone when only the order differs.
     */
    @Test
    void committed_module_documentation_is_up_to_date() throws IOException {
        Path written = Path.of("target", "module-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> fresh = read(written);
        Map<String, String> committed = read(DOCS);
        assertThat(fresh).as("module documentation written").isNotEmpty();

        Set<String> changed = new TreeSet<>(fresh.keySet());
        changed.addAll(committed.keySet());
        changed.removeIf(name -> Objects.equals(lines(fresh.get(name)), lines(committed.get(name))));
        if (!changed.isEmpty()) {
            Files.createDirectories(DOCS);
            for (String name : committed.keySet()) {
                Files.delete(DOCS.resolve(name));
            }
            for (Map.Entry<String, String> file : fresh.entrySet()) {
                Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(changed)
                .as("docs/modules was out of date and has been rewritten: review and commit these files")
                .isEmpty();
    }

    private static List<String> lines(String content) {
        return content == null ? null
                : content.lines().map(ModularityTests::normalized).sorted().toList();
    }

    /** A line with the items of any comma-separated list in it in a fixed order, and a list item as any other. */
    private static String normalized(String line) {
        // the first item of an AsciiDoc list in a table cell starts the cell: |* a, then * b
        String item = line.strip().replaceFirst("^\\|\\*", "*");
        return Arrays.stream(item.split(",\\s*")).sorted().collect(Collectors.joining(","));
    }

    private static Map<String, String> read(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file).replace("\r\n", "\n"));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return files;
    }
}
