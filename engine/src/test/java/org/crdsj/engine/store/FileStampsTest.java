package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampsTest {
    @TempDir Path dir;

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void unchangedFileKeepsItsSha1AcrossProcessesUntilItChanges() throws Exception {
        Path f = dir.resolve("a.rmap");
        Files.writeString(f, "header = {}\n");
        FileStamps stamps = new FileStamps(dir.resolve(FileStamps.FILE_NAME), 0);
        // (the clock is read in milliseconds and file times in nanoseconds: within the same
        // millisecond as the write, "now" can still be before the file's mtime)
        Thread.sleep(5);
        String stamp = stamps.settledStamp(f);
        assertNotNull(stamp, "Linux offers the unix attribute view");
        stamps.record(f, stamp, SHA);
        assertEquals(SHA, stamps.unchangedSha1(f));
        stamps.flush();

        FileStamps reopened = new FileStamps(dir.resolve(FileStamps.FILE_NAME), 0);
        assertEquals(SHA, reopened.unchangedSha1(f), "read back from the stamps file");

        Thread.sleep(30);   // past the file system's timestamp tick
        Files.writeString(f, "header = {1}\n");   // same length, other bytes
        assertNull(reopened.unchangedSha1(f), "a rewrite changes the stamp");
    }

    @Test
    void youngFilesAreNotRecorded() throws Exception {
        Path f = dir.resolve("b.rmap");
        Files.writeString(f, "x");
        FileStamps stamps = new FileStamps(dir.resolve(FileStamps.FILE_NAME));
        assertNull(stamps.settledStamp(f), "written just now: a same-tick rewrite could go unseen");
    }

    @Test
    void aReplacedFileWithTheSameSizeAndTimesIsNotTrusted() throws Exception {
        Path f = dir.resolve("c.rmap");
        Files.writeString(f, "aaaa");
        FileStamps stamps = new FileStamps(dir.resolve(FileStamps.FILE_NAME), 0);
        Thread.sleep(5);   // see above
        String stamp = stamps.settledStamp(f);
        assertNotNull(stamp);
        stamps.record(f, stamp, SHA);
        assertEquals(SHA, stamps.unchangedSha1(f), "recorded");
        var mtime = Files.getLastModifiedTime(f);
        Path other = dir.resolve("c.new");
        Files.writeString(other, "bbbb");
        Files.setLastModifiedTime(other, mtime);
        Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertNull(stamps.unchangedSha1(f), "another inode and change time");
    }

    @Test
    void damagedStampsFileCountsAsEmpty() throws Exception {
        Path store = dir.resolve(FileStamps.FILE_NAME);
        Files.write(store, "garbage\n1 2 3\n".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("d.rmap");
        Files.writeString(f, "x");
        assertNull(new FileStamps(store, 0).unchangedSha1(f));
    }
}
