package org.yiyong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
     * Writes the documentation into {@code docs/modules} and fails when that changed what was there:
     * a change to the modules shows in the committed pictures, or the build says to commit them.
     */
    @Test
    void committed_module_documentation_is_up_to_date() {
        Map<String, String> before = read(DOCS);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> after = read(DOCS);
        assertThat(after).as("module documentation written").isNotEmpty();
        Set<String> changed = new TreeSet<>(before.keySet());
        changed.addAll(after.keySet());
        changed.removeIf(name -> Objects.equals(before.get(name), after.get(name)));
        assertThat(changed)
                .as("docs/modules was out of date and has been rewritten: review and commit these files")
                .isEmpty();
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
