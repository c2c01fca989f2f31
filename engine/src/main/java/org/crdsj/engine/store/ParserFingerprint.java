package org.crdsj.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Stream;
import org.crdsj.grammar.MappingParser;

/**
 * Which parser produced cached syntax: the SHA-1 of the grammar module's code (its jar, or its
 * class files when run from a build directory). Cached syntax is only as right as the parser that
 * made it, so a cache written by a different parser build is not trusted.
 */
public final class ParserFingerprint {
    private ParserFingerprint() {}

    /** The fingerprint of the grammar code on the class path (20 bytes). */
    public static byte[] current() {
        MessageDigest sha1 = newSha1();
        try {
            Path location = location();
            if (location != null && Files.isRegularFile(location)) {
                sha1.update(Files.readAllBytes(location));
                return sha1.digest();
            }
            if (location != null && Files.isDirectory(location)) {
                Path pkg = location.resolve("org").resolve("crdsj").resolve("grammar");
                List<Path> classes;
                try (Stream<Path> s = Files.walk(pkg)) {
                    classes = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path p : classes) {
                    sha1.update(pkg.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha1.update(Files.readAllBytes(p));
                }
                return sha1.digest();
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the parser class alone
        }
        try (InputStream in = MappingParser.class.getResourceAsStream("MappingParser.class")) {
            if (in != null) sha1.update(in.readAllBytes());
        } catch (IOException e) {
            // an empty digest still names "this unknown build"; version checks still apply
        }
        return sha1.digest();
    }

    private static Path location() {
        try {
            var source = MappingParser.class.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            return url == null || !"file".equals(url.getProtocol()) ? null : Path.of(url.toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }
}
