package cn.gov.shanwei.xinyixing.settlement.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where settlement packages live: {@code xinyixing.settlement.dir} (default {@code <domain>/settlement}),
 * one directory per version, {@code <year>-v<version>}. A package is written in a hidden partial
 * directory and renamed into place once complete, so a directory under its final name is always whole.
 */
@ApplicationScoped
public class PackageStore {

    @Inject
    @ConfigProperty(name = "xinyixing.settlement.dir")
    Optional<String> configured;

    public Path root() {
        return configured.map(Path::of).orElseGet(() -> Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "settlement"));
    }

    public Path finalDir(int year, int version) {
        return root().resolve(year + "-v" + version);
    }

    /** A fresh, empty partial directory for the version (whatever an earlier attempt left there is removed). */
    public Path freshPartialDir(int year, int version) {
        Path partial = root().resolve("." + year + "-v" + version + ".partial");
        deleteTree(partial);
        try {
            return Files.createDirectories(partial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a package, by name, sorted. */
    public List<String> files(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the package by its plain name only: no path separators, nothing outside the package. */
    public Optional<Path> file(Path dir, String name) {
        if (dir == null || name == null || !name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
