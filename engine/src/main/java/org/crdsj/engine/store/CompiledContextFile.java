package org.crdsj.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.crdsj.engine.io.AtomicFile;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * One compiled context on disk: everything a load needs to rebuild a context's closure without
 * reading or parsing its rules files, read through a {@link MappedByteBuffer}.
 *
 * <pre>
 * offset size
 *  0      8   magic "CRDSJCTX"
 *  8      4   format version
 * 12     20   parser fingerprint ({@link ParserFingerprint#current()})
 * 32     20   engine fingerprint ({@link ParserFingerprint#engine()})
 * 52     20   closure key: SHA-1 of every member's file name and SHA-1, in load order, and the options
 * 72      4   load options (bit 0: verify checksums, bit 1: remember plans)
 * 76      8   payload length
 * 84      4   CRC32 of bytes 0..84 and of the payload
 * 88          payload
 * </pre>
 *
 * The payload: the root's path; the loader's keyword numbering (count, then each keyword); the
 * members (count, then for each: absolute path, stat stamp or "" when none was settled, the
 * SHA-1 of its bytes (20), its selector's name or "" for a context, its required parkeys (count,
 * then each as its number in the keyword numbering, or -1 and the name when it is not there; none
 * for a context: the names repeat across rmaps, and a number is cheaper to read), then two length-prefixed
 * {@link SyntaxCodec} entries: the "head" — header, comment, checksum and parsed header
 * expressions; for a context its whole syntax — and for an rmap its selector call alone). Strings
 * are a 4-byte length and UTF-8; numbers big-endian.
 *
 * <p>With each rmap's required parkeys stored apart, a load decodes only the contexts: an rmap's
 * head is decoded when a lookup first needs the rmap, and its selector (the bulk of the bytes
 * and of the compile time) when the first lookup reaches it. A file that is
 * missing, truncated, corrupt, of another version or written by another build opens as null:
 * it is never trusted. Immutable and thread-safe.
 */
public final class CompiledContextFile {
    /** Bump whenever the layout or what a member holds changes. */
    public static final int FORMAT_VERSION = 3;

    static final byte[] MAGIC = "CRDSJCTX".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 88;
    private static final int CRC_AT = 84;

    private final Path file;
    private final byte[] closureKey;
    private final int options;
    private final String root;
    private final String[] keywords;
    private final List<Member> members;
    private final Map<String, Member> byPath;

    /**
     * One file of the closure as recorded: where it was, its stamp and SHA-1 then, and where its
     * encoded head and selector are in the mapped file.
     */
    public static final class Member {
        private final int index;
        private final String path, stamp, selectorKind, fileName;
        private final byte[] sha1;
        private final List<String> requiredParkeys;
        private final ByteBuffer head, selector;

        Member(int index, String path, String stamp, byte[] sha1, String selectorKind, List<String> requiredParkeys,
               ByteBuffer head, ByteBuffer selector) {
            this.requiredParkeys = requiredParkeys;
            this.index = index;
            this.path = path;
            // (the stored path is absolute and normalised, written by Path.toString on this system)
            this.fileName = path.substring(path.lastIndexOf(java.io.File.separatorChar) + 1);
            this.stamp = stamp;
            this.sha1 = sha1;
            this.selectorKind = selectorKind;
            this.head = head;
            this.selector = selector;
        }

        /** Its position in {@link #members()}. */
        public int index() { return index; }

        /** The file's name (the last part of its path). */
        public String fileName() { return fileName; }

        /** Whether it is an rmap (its selector is kept apart). */
        public boolean isRmap() { return !selectorKind.isEmpty(); }

        /** The file's absolute, normalised path. */
        public String path() { return path; }

        /** The stat stamp its SHA-1 was taken under, or "" when the file was too young to trust one. */
        public String stamp() { return stamp; }

        /** The SHA-1 of the file's bytes, 40 hex digits. */
        public String sha1Hex() { return java.util.HexFormat.of().formatHex(sha1); }

        byte[] sha1() { return sha1; }

        /**
         * An rmap's required parkeys as its compiled form lists them (what a context needs of it
         * before building it); empty for a context.
         */
        public List<String> requiredParkeys() { return requiredParkeys; }

        /** The selector's name ({@code Match}, {@code UseAfter}, ...) of an rmap; "" for a context. */
        public String selectorKind() { return selectorKind; }

        /** The head: for a context its whole syntax, for an rmap all but the selector (a None placeholder). */
        public CachedSyntax head(String fileName) { return SyntaxCodec.decode(head, fileName); }

        /** An rmap's selector call, positions naming {@code fileName}. */
        public Value.Call selector(String fileName) {
            Value v = SyntaxCodec.decode(selector, fileName).syntax().selector();
            if (!(v instanceof Value.Call c)) throw new IllegalStateException("no selector call in the compiled context");
            return c;
        }
    }

    private CompiledContextFile(Path file, byte[] closureKey, int options, String root, String[] keywords,
                                List<Member> members) {
        this.file = file;
        this.closureKey = closureKey;
        this.options = options;
        this.root = root;
        this.keywords = keywords;
        this.members = List.copyOf(members);
        Map<String, Member> index = new HashMap<>();
        for (Member m : members) index.put(m.path, m);
        this.byPath = index;
    }

    public Path file() { return file; }

    /** The closure's key (SHA-1 hex). */
    public String closureKey() { return java.util.HexFormat.of().formatHex(closureKey); }

    /** The load options bits it was compiled under. */
    public int options() { return options; }

    /** The root mapping's absolute path. */
    public String root() { return root; }

    /** The keyword numbering of the loader that compiled it, in number order. */
    public String[] keywords() { return keywords.clone(); }

    /** Every file of the closure, in load order. */
    public List<Member> members() { return members; }

    /** The member at an absolute, normalised path, or null. */
    public Member member(String path) { return byPath.get(path); }

    // ------------------------------------------------------------------ reading

    /** An intact file made by another build or under other options: not damaged, just not ours to use. */
    public static final class OtherBuild extends IOException {
        OtherBuild(String why) { super(why); }
    }

    /**
     * Maps {@code file} when it is a complete, intact compiled context written by this build
     * ({@code parser}, {@code engine}) under {@code options}.
     *
     * @return the file, or null when it does not exist
     * @throws OtherBuild when the file is intact but of another format version, build or options
     * @throws IOException naming what is wrong when the file exists but is damaged
     */
    public static CompiledContextFile open(Path file, byte[] parser, byte[] engine, int options) throws IOException {
        ByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_SIZE || size > Integer.MAX_VALUE) throw new IOException("too short (" + size + " bytes)");
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        try {
            return parse(file, map, parser, engine, options);
        } catch (OtherBuild e) {
            throw e;
        } catch (RuntimeException | InternalError e) {
            // InternalError: the mapped file was cut short in place by something other than our writes
            throw new IOException("malformed (" + e + ")");
        }
    }

    private static CompiledContextFile parse(Path file, ByteBuffer in, byte[] parser, byte[] engine, int options)
            throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.get(0, magic);
        if (!Arrays.equals(magic, MAGIC)) throw new IOException("not a compiled context");
        if (in.getInt(8) != FORMAT_VERSION) throw new OtherBuild("format version " + in.getInt(8));
        if (!Arrays.equals(bytes(in, 12, 20), parser)) throw new OtherBuild("written by another parser build");
        if (!Arrays.equals(bytes(in, 32, 20), engine)) throw new OtherBuild("written by another engine build");
        if (in.getInt(72) != options) throw new OtherBuild("compiled under other load options");
        long payloadLength = in.getLong(76);
        if (payloadLength != in.capacity() - (long) HEADER_SIZE) throw new IOException("truncated or extended");
        CRC32 crc = new CRC32();
        crc.update(in.slice(0, CRC_AT));
        crc.update(in.slice(HEADER_SIZE, (int) payloadLength));
        if ((int) crc.getValue() != in.getInt(CRC_AT)) throw new IOException("checksum mismatch");

        ByteBuffer payload = in.slice(HEADER_SIZE, (int) payloadLength).asReadOnlyBuffer();
        // The member table is read from one bulk copy: in a cold JVM a buffer call per field costs
        // microseconds each, array reads almost nothing. Heads and selectors stay in the mapping.
        byte[] table = new byte[(int) payloadLength];
        payload.get(0, table);
        Cursor p = new Cursor(table);
        String root = p.string();
        String[] keywords = new String[p.count()];
        for (int i = 0; i < keywords.length; i++) keywords[i] = p.string();
        int n = p.count();
        List<Member> members = new ArrayList<>(n);
        String[] interned = new String[keywords.length];   // each keyword interned once, when first named
        for (int i = 0; i < n; i++) {
            String path = p.string(), stamp = p.string();
            byte[] sha1 = p.bytes(20);
            String kind = p.string();
            String[] required = new String[p.count()];
            for (int k = 0; k < required.length; k++) {
                int number = p.u32();
                if (number == -1) {
                    required[k] = p.string().intern();
                } else {
                    if (number < 0 || number >= keywords.length) throw new IllegalArgumentException("keyword number " + number);
                    String name = interned[number];
                    if (name == null) interned[number] = name = keywords[number].intern();
                    required[k] = name;
                }
            }
            ByteBuffer head = p.block(payload), selector = p.block(payload);
            members.add(new Member(i, path, stamp, sha1, kind, List.of(required), head, selector));
        }
        if (p.at != table.length) throw new IOException("trailing bytes");
        return new CompiledContextFile(file, bytes(in, 52, 20), options, root, keywords, members);
    }

    private static byte[] bytes(ByteBuffer in, int at, int n) {
        byte[] b = new byte[n];
        in.get(at, b);
        return b;
    }

    /** Reads the payload's fields in order (big-endian, as written); a count beyond the end is damage. */
    private static final class Cursor {
        private final byte[] b;
        int at;

        Cursor(byte[] b) { this.b = b; }

        int u32() {
            if (at + 4 > b.length) throw new IllegalArgumentException("field beyond the file");
            int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
            at += 4;
            return v;
        }

        int count() {
            int n = u32();
            if (n < 0 || n > b.length - at) throw new IllegalArgumentException("count " + n + " beyond the file");
            return n;
        }

        byte[] bytes(int n) {
            if (n > b.length - at) throw new IllegalArgumentException("field beyond the file");
            byte[] out = Arrays.copyOfRange(b, at, at + n);
            at += n;
            return out;
        }

        String string() {
            int n = count();
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        /** The next block as a view of {@code payload} (the mapped bytes), not a copy. */
        ByteBuffer block(ByteBuffer payload) {
            int n = count();
            ByteBuffer v = payload.slice(at, n);
            at += n;
            return v;
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * What a writer knows of one member: its path, the stamp its SHA-1 was taken under (null when
     * none was settled), whether it is an rmap (whose selector is kept apart), an rmap's required
     * parkeys (empty for a context), and its syntax.
     */
    public record Source(String path, String stamp, String sha1Hex, boolean rmap, List<String> requiredParkeys,
                         CachedSyntax syntax) {}

    /**
     * Writes a compiled context atomically ({@link AtomicFile}): whole to a temporary file, then
     * renamed over {@code file}.
     *
     * @throws IllegalArgumentException when a member's syntax cannot be encoded (nests too deep)
     */
    public static void write(Path file, byte[] parser, byte[] engine, int options, byte[] closureKey, String root,
                             String[] keywords, List<Source> members) throws IOException {
        Sink out = new Sink();
        out.string(root);
        out.u32(keywords.length);
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < keywords.length; i++) {
            out.string(keywords[i]);
            numbers.putIfAbsent(keywords[i], i);
        }
        out.u32(members.size());
        for (Source m : members) {
            out.string(m.path());
            out.string(m.stamp() == null ? "" : m.stamp());
            byte[] sha1 = java.util.HexFormat.of().parseHex(m.sha1Hex());
            if (sha1.length != 20) throw new IllegalArgumentException("not a SHA-1: " + m.sha1Hex());
            out.raw(sha1);
            MappingSyntax s = m.syntax().syntax();
            if (m.rmap() && s.selector() instanceof Value.Call call) {
                out.string(call.selector());
                out.u32(m.requiredParkeys().size());
                for (String k : m.requiredParkeys()) {
                    Integer number = numbers.get(k);
                    out.u32(number == null ? -1 : number);
                    if (number == null) out.string(k);
                }
                MappingSyntax head = new MappingSyntax(s.file(), s.header(), new Value.None(SourcePos.UNKNOWN), s.comment());
                out.block(SyntaxCodec.encode(new CachedSyntax(head, m.syntax().checksum(), m.syntax().expressions())));
                MappingSyntax sel = new MappingSyntax(s.file(), new Value.Dict(List.of(), SourcePos.UNKNOWN), call, null);
                out.block(SyntaxCodec.encode(new CachedSyntax(sel, m.syntax().checksum())));
            } else {
                out.string("");
                out.u32(0);
                out.block(SyntaxCodec.encode(m.syntax()));
                out.block(new byte[0]);
            }
        }
        byte[] payload = out.toArray();
        ByteBuffer all = ByteBuffer.allocate(HEADER_SIZE + payload.length);
        all.put(MAGIC).putInt(FORMAT_VERSION).put(parser).put(engine).put(closureKey).putInt(options)
                .putLong(payload.length).putInt(0).put(payload);
        CRC32 crc = new CRC32();
        crc.update(all.array(), 0, CRC_AT);
        crc.update(all.array(), HEADER_SIZE, payload.length);
        all.putInt(CRC_AT, (int) crc.getValue());
        all.flip();
        AtomicFile.write(file, all);
    }

    /** A growable big-endian byte array. */
    private static final class Sink {
        private byte[] buf = new byte[1 << 16];
        private int size;

        private void room(int n) {
            if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
        }

        void u32(int v) {
            room(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void raw(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void block(byte[] b) {
            u32(b.length);
            raw(b);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            // (a lone surrogate would not survive UTF-8: refuse rather than store another string)
            if (!new String(b, StandardCharsets.UTF_8).equals(s)) throw new IllegalArgumentException("not storable: " + s);
            block(b);
        }

        byte[] toArray() { return Arrays.copyOf(buf, size); }
    }
}
