package org.crdsj.fits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.crdsj.engine.store.HeaderSource;

/**
 * The datasets of a directory tree of FITS (and GEIS header) files, for a dataset store: each
 * file's header as {@link DatasetHeader#read} reads it (CRDS's view of the file), identified by its
 * path relative to the directory. Files are visited in sorted path order, so a store built twice
 * from the same files is the same. A file that cannot be read as a dataset is reported to
 * {@code onUnreadable} (the message names the file) and left out; other files carry on.
 */
public final class FitsDirectorySource implements HeaderSource {
    private final Path dir;
    private final Consumer<String> onUnreadable;
    private volatile double fraction = -1;

    public FitsDirectorySource(Path dir, Consumer<String> onUnreadable) {
        this.dir = dir;
        this.onUnreadable = onUnreadable;
    }

    /** True for the names this source reads: {@code .fits}, {@code .fit}, {@code .fts} and GEIS headers. */
    public static boolean isDatasetFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".fits") || name.endsWith(".fit") || name.endsWith(".fts")
                || (DatasetHeader.isGeis(file) && name.endsWith("h"));
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(FitsDirectorySource::isDatasetFile).sorted().toList();
        }
        int done = 0;
        for (Path file : files) {
            fraction = files.isEmpty() ? 1 : (double) done++ / files.size();
            String id = dir.relativize(file).toString().replace('\\', '/');
            java.util.Map<String, String> header;
            try {
                header = DatasetHeader.read(file);
            } catch (IOException | RuntimeException e) {
                onUnreadable.accept("Skipping unreadable dataset file " + file + ": " + e.getMessage());
                continue;
            }
            sink.accept(id, header);
        }
        fraction = 1;
    }

    @Override
    public double fractionRead() {
        return fraction;
    }
}
