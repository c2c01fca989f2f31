package org.crdsj.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.crdsj.engine.io.Sha1;
import org.crdsj.grammar.MappingParser;

/**
 * Which parser produced cached syntax. From a jar: the grammar build's stamp ({@value #STAMP},
 * written by Maven when the grammar classes were built, so a rebuild always counts as a change),
 * or when a jar has no stamp, a SHA-1 of each grammar entry's name, size and CRC from
 * the jar's directory; from a build directory: of each class file's name, size and modification
 * time. Cached syntax is only as right as the parser that made it, so a cache written by a
 * different parser build is not trusted.
 */
public final class ParserFingerprint {
    private static final String PACKAGE = "org/crdsj/grammar/";
    /** The grammar module's build stamp, a resource next to its classes. */
    static final String STAMP = "build-stamp.properties";

    private ParserFingerprint() {}

    /** The fingerprint of the grammar code on the class path (20 bytes). */
    public static byte[] current() {
        return Grammar.FINGERPRINT.clone();
    }

    // The class path of a running JVM does not change: each fingerprint is taken once (a holder
    // class each, so one is not taken just because the other is asked for).
    private static final class Grammar {
        static final byte[] FINGERPRINT = of(MappingParser.class, PACKAGE);
    }

    private static final class Engine {
        static final byte[] FINGERPRINT = of(ParserFingerprint.class, "org/crdsj/engine/");
    }

    /**
     * The fingerprint of the engine code on the class path (20 bytes), made the same way from the
     * engine's own build stamp or classes: what a compiled context holds is defined by that code.
     */
    public static byte[] engine() {
        return Engine.FINGERPRINT.clone();
    }

    /** The fingerprint of the build holding {@code anchor}, whose code lives under {@code pkg} ("a/b/"). */
    private static byte[] of(Class<?> anchor, String pkg) {
        // A stamped jar costs one resource read from a jar the class loader has open already (the
        // jar's directory would cost tens of milliseconds), and no digest at all: a warm load then
        // need not start the SHA-1 provider.
        Path jar = location(anchor);
        if (jar != null && Files.isRegularFile(jar)) {
            String stamp = stampInJar(jar, pkg);
            if (stamp != null) return fromStamp(stamp);
        }
        Sha1 sha1 = new Sha1();
        // Plain loops, no streams or lambdas: this runs at start-up, where their bootstrap costs show.
        try {
            Path location = location(anchor);
            if (location != null && Files.isRegularFile(location)) {
                jarEntries(location, pkg, sha1);
                return sha1.digest();
            }
            if (location != null && Files.isDirectory(location)) {
                Path dir = location.resolve(pkg);
                classFiles(dir, dir, sha1, ByteBuffer.allocate(16));
                return sha1.digest();
            }
        } catch (IOException | RuntimeException e) {
            sha1 = new Sha1();   // fall through to the anchor class alone
        }
        try (InputStream in = anchor.getResourceAsStream(anchor.getSimpleName() + ".class")) {
            if (in != null) sha1.update(in.readAllBytes());
        } catch (IOException e) {
            // the digest still names "this unknown build"; the format version still applies
        }
        return sha1.digest();
    }

    /**
     * 20 bytes naming a stamped build: a tag, then the stamp's characters (a build time of 18
     * characters fits whole; longer stamps are folded in so every character still counts).
     */
    static byte[] fromStamp(String stamp) {
        byte[] out = new byte[20];
        out[0] = 'G';
        out[1] = 'B';
        byte[] s = stamp.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < s.length; i++) out[2 + i % 18] ^= (byte) (s[i] * (1 + i / 18));
        return out;
    }

    /** The stamp Maven filtered into the grammar build, or null when absent or not filled in. */
    static String stamp() {
        return stamp(MappingParser.class, PACKAGE);
    }

    private static String stamp(Class<?> anchor, String pkg) {
        try (InputStream in = anchor.getResourceAsStream("/" + pkg + STAMP)) {
            return in == null ? null : stampValue(in.readAllBytes());
        } catch (IOException e) {
            return null;   // fall back to the jar's directory
        }
    }

    /**
     * The stamp in the jar holding the classes, read straight from the jar: the JDK shares the
     * class loader's open jar with this reader, and a class-path resource URL would first start
     * the JDK's jar-URL machinery (milliseconds at start-up, where a cached load has ~30 in all).
     */
    private static String stampInJar(Path jar, String pkg) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(pkg + STAMP);
            if (entry == null) return null;
            try (InputStream in = zip.getInputStream(entry)) {
                return stampValue(in.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            return null;   // fall back to the jar's directory
        }
    }

    private static String stampValue(byte[] properties) {
        for (String line : new String(properties, StandardCharsets.UTF_8).split("\n")) {
            line = line.strip();
            if (line.startsWith("stamp=")) {
                String value = line.substring("stamp=".length()).strip();
                // An unfiltered copy (e.g. built outside Maven) names no build: ignore it.
                return value.isEmpty() || value.contains("${") ? null : value;
            }
        }
        return null;
    }

    /**
     * The grammar package's entries of a jar, by name, size and CRC from the jar's directory: no
     * class bytes need reading (a whole-application jar can be large).
     */
    private static void jarEntries(Path jar, String pkg, Sha1 sha1) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith(pkg)) names.add(name);
            }
            Collections.sort(names);
            ByteBuffer numbers = ByteBuffer.allocate(16);
            for (String name : names) {
                ZipEntry entry = zip.getEntry(name);
                sha1.update(name.getBytes(StandardCharsets.UTF_8));
                sha1.update(numbers.clear().putLong(entry.getSize()).putLong(entry.getCrc()).array());
            }
        }
    }

    /**
     * The class files under a build directory, by relative name, size and modification time, in
     * name order (a rebuild counts as a change even when nothing did: safe, and no bytes are read).
     */
    private static void classFiles(Path root, Path dir, Sha1 sha1, ByteBuffer numbers) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) children.add(p);
        }
        Collections.sort(children);
        for (Path p : children) {
            if (Files.isDirectory(p)) {
                classFiles(root, p, sha1, numbers);
            } else if (p.getFileName().toString().endsWith(".class")) {
                sha1.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                numbers.clear().putLong(Files.size(p)).putLong(Files.getLastModifiedTime(p).toMillis());
                sha1.update(numbers.array());
            }
        }
    }

    private static Path location(Class<?> anchor) {
        try {
            var source = anchor.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            return url == null || !"file".equals(url.getProtocol()) ? null : Path.of(url.toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
