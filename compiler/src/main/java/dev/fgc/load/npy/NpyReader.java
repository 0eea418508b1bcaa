package dev.fgc.load.npy;

import dev.fgc.UserError;
import dev.fgc.load.ShownText;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0). The file is checked strictly:
 * anything NumPy would not have written, including bytes after the data, is reported as an error
 * rather than guessed around, since a model compiled from a damaged file would be silently wrong.
 */
public final class NpyReader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final List<String> HEADER_KEYS = List.of("descr", "fortran_order", "shape");
    /** Past this magnitude an int64 may have no exact double; every smaller integer has one. */
    private static final long EXACT_INTEGER_LIMIT = 1L << 53;
    /** Java arrays stop a few elements short of Integer.MAX_VALUE. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private NpyReader() {}

    public static NpyArray read(Path file) {
        return read(readAllBytes(file), file.toString());
    }

    /** @param sourceName names the data in error messages, e.g. a file path or "archive.npz:entry.npy" */
    public static NpyArray read(byte[] bytes, String sourceName) {
        Header header = Header.parse(bytes, sourceName);
        double[] stored = decodeData(bytes, header, sourceName);
        double[] cOrder = header.fortranOrder() ? NpyArray.fortranToC(stored, header.shape()) : stored;
        return new NpyArray(header.dtype().descr(), header.shape(), cOrder);
    }

    private static byte[] readAllBytes(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new UserError(file + ": too large (" + size + " bytes); at most " + MAX_FILE_BYTES
                        + " bytes can be read");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + describe(e), e);
        }
    }

    /** Says what went wrong with a file in plain words; the path itself is already in the message. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The elements in the order the file stores them. */
    private static double[] decodeData(byte[] bytes, Header header, String source) {
        NpyArray.Dtype dtype = header.dtype();
        int size = (int) NpyArray.elementCount(header.shape());
        long needed = (long) size * dtype.itemSize();
        long found = bytes.length - header.dataStart();
        String layout = "shape " + NpyArray.shapeText(header.shape()) + " of " + dtype.descr() + " needs " + needed
                + " data bytes, found " + found;
        if (found < needed) {
            throw new UserError(source + ": truncated: " + layout);
        }
        if (found > needed) {
            throw new UserError(source + ": " + (found - needed) + " unexpected bytes after the data: " + layout);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, header.dataStart(), (int) needed).order(dtype.order());
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            if (dtype.mayExceedDouble()) {
                long raw = in.getLong(in.position());
                if (raw > EXACT_INTEGER_LIMIT || raw < -EXACT_INTEGER_LIMIT) {
                    throw new UserError(source + ": element " + i + " (in file order) of " + dtype.descr() + " is "
                            + raw + ", beyond ±2^53 where a double cannot hold every integer exactly");
                }
            }
            values[i] = dtype.read(in);
        }
        return values;
    }

    /** The preamble and header dict of a .npy file: what the data is and where it starts. */
    private record Header(NpyArray.Dtype dtype, boolean fortranOrder, int[] shape, int dataStart) {
        static Header parse(byte[] bytes, String source) {
            checkMagic(bytes, source);
            if (bytes.length < MAGIC.length + 2) {
                throw new UserError(source + ": truncated: the file ends inside the format version");
            }
            int major = Byte.toUnsignedInt(bytes[MAGIC.length]);
            int minor = Byte.toUnsignedInt(bytes[MAGIC.length + 1]);
            if (major < 1 || major > 3 || minor != 0) {
                throw new UserError(source + ": unsupported .npy format version " + major + "." + minor
                        + " (supported: 1.0, 2.0, 3.0)");
            }
            // Version 1.0 has a 2-byte header length; 2.0 and 3.0 widened it to 4 bytes.
            int lengthBytes = major == 1 ? 2 : 4;
            int headerStart = MAGIC.length + 2 + lengthBytes;
            if (bytes.length < headerStart) {
                throw new UserError(source + ": truncated: the file ends inside the header length");
            }
            ByteBuffer lengthField = ByteBuffer.wrap(bytes, MAGIC.length + 2, lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1
                    ? Short.toUnsignedInt(lengthField.getShort())
                    : Integer.toUnsignedLong(lengthField.getInt());
            if (headerStart + headerLength > bytes.length) {
                throw new UserError(source + ": truncated: the header should be " + headerLength
                        + " bytes but only " + (bytes.length - headerStart) + " follow the preamble");
            }
            String text = headerText(bytes, headerStart, (int) headerLength, major, source);
            Map<String, Object> dict = HeaderDict.parse(text, source);
            return new Header(dtypeOf(dict, source), fortranOrderOf(dict, source), shapeOf(dict, source),
                    headerStart + (int) headerLength);
        }

        private static void checkMagic(byte[] bytes, String source) {
            if (bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return;
            }
            boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
            throw new UserError(source + ": not a .npy file: "
                    + (zip ? "it is a zip archive (an .npz?)" : "it does not start with the .npy magic \\x93NUMPY"));
        }

        private static String headerText(byte[] bytes, int start, int length, int major, String source) {
            if (major < 3) {
                // Versions 1.0 and 2.0 declare the header latin-1, so every byte is a character.
                return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, length))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new UserError(source + ": unparseable header: a version 3.0 header must be UTF-8 but is not");
            }
        }

        private static NpyArray.Dtype dtypeOf(Map<String, Object> dict, String source) {
            Object descr = dict.get("descr");
            if (descr instanceof List) {
                throw new UserError(source + ": unsupported dtype: structured dtypes (records with named fields)"
                        + " are not supported");
            }
            if (!(descr instanceof String)) {
                throw new UserError(source + ": invalid header: 'descr' must be a string such as '<f4'");
            }
            try {
                return NpyArray.Dtype.parse((String) descr);
            } catch (IllegalArgumentException e) {
                throw new UserError(source + ": " + e.getMessage(), e);
            }
        }

        private static boolean fortranOrderOf(Map<String, Object> dict, String source) {
            if (dict.get("fortran_order") instanceof Boolean fortranOrder) {
                return fortranOrder;
            }
            throw new UserError(source + ": invalid header: 'fortran_order' must be True or False");
        }

        private static int[] shapeOf(Map<String, Object> dict, String source) {
            if (!(dict.get("shape") instanceof HeaderDict.Tuple tuple)
                    || !tuple.items().stream().allMatch(BigInteger.class::isInstance)) {
                throw new UserError(source + ": invalid header: 'shape' must be a tuple of integers such as (16, 5)");
            }
            List<?> dims = tuple.items();
            String shapeText = NpyArray.shapeText(dims);
            BigInteger count = BigInteger.ONE;
            int[] shape = new int[dims.size()];
            for (int axis = 0; axis < shape.length; axis++) {
                BigInteger dim = (BigInteger) dims.get(axis);
                if (dim.signum() < 0) {
                    throw new UserError(source + ": shape " + shapeText + " has a negative dimension");
                }
                if (dim.bitLength() > 31) {
                    throw new UserError(source + ": shape " + shapeText + " has dimension " + dim
                            + ", more than the " + Integer.MAX_VALUE + " supported");
                }
                shape[axis] = dim.intValue();
                count = count.multiply(dim);
            }
            if (count.bitLength() > 31) {
                throw new UserError(source + ": shape " + shapeText + " has " + count + " elements, more than the "
                        + Integer.MAX_VALUE + " supported");
            }
            return shape;
        }
    }

    /**
     * Parses the header, a Python dict literal such as
     * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}. Only the literals NumPy
     * writes are understood: strings, integers, True and False, tuples, lists and dicts.
     */
    private static final class HeaderDict {
        /** A Python tuple, told apart from a list because the shape must be a tuple. */
        record Tuple(List<Object> items) {}

        /** Deep enough for any header NumPy writes; stops a hostile header from overflowing the stack. */
        private static final int MAX_NESTING = 32;
        private static final int MAX_SHOWN_CHARS = 200;

        private final String text;
        private final String source;
        private int pos;
        private int nesting;

        private HeaderDict(String text, String source) {
            this.text = text;
            this.source = source;
        }

        static Map<String, Object> parse(String text, String source) {
            HeaderDict parser = new HeaderDict(text, source);
            Object value = parser.value();
            parser.skipSpace();
            if (parser.pos != text.length()) {
                throw parser.error("unexpected text after the dict");
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw parser.invalid("it is not a dict");
            }
            Map<String, Object> dict = new LinkedHashMap<>();
            map.forEach((key, item) -> dict.put((String) key, item));
            for (String key : dict.keySet()) {
                if (!HEADER_KEYS.contains(key)) {
                    throw parser.invalid("unexpected key '" + ShownText.of(key, MAX_SHOWN_CHARS) + "'");
                }
            }
            for (String key : HEADER_KEYS) {
                if (!dict.containsKey(key)) {
                    throw parser.invalid("the key '" + key + "' is missing");
                }
            }
            return dict;
        }

        private Object value() {
            skipSpace();
            if (pos == text.length()) {
                throw error("the header ends too early");
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '-' || c == '+' || isDigit(c)) {
                return integer();
            }
            if (c == '(' || c == '[' || c == '{') {
                if (++nesting > MAX_NESTING) {
                    throw error("nested too deeply");
                }
                Object container = c == '{' ? dict() : sequence(c);
                nesting--;
                return container;
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("unexpected character '" + ShownText.of(String.valueOf(c), 1) + "'");
        }

        private String string() {
            char quote = text.charAt(pos++);
            StringBuilder out = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != quote) {
                // A backslash escapes the next character; only field names could hold one, and those
                // are rejected anyway, so it is enough to not end the string early.
                if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                    pos++;
                }
                out.append(text.charAt(pos++));
            }
            if (pos == text.length()) {
                throw error("unterminated string");
            }
            pos++;
            return out.toString();
        }

        private BigInteger integer() {
            int start = pos;
            if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                throw error("expected digits");
            }
            BigInteger value = new BigInteger(text.substring(start, pos));
            // NumPy under Python 2 wrote long integers with an L suffix, e.g. (3L, 4L).
            if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
                pos++;
            }
            return value;
        }

        /** A tuple or list; as in Python, "(x)" without a comma is just x in parentheses. */
        private Object sequence(char open) {
            char close = open == '(' ? ')' : ']';
            pos++;
            List<Object> items = new ArrayList<>();
            boolean sawComma = false;
            while (true) {
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    break;
                }
                items.add(value());
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    sawComma = true;
                } else {
                    expect(close);
                    break;
                }
            }
            if (open == '[') {
                return items;
            }
            return items.size() == 1 && !sawComma ? items.get(0) : new Tuple(items);
        }

        private Map<Object, Object> dict() {
            pos++;
            Map<Object, Object> dict = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return dict;
                }
                int keyStart = pos;
                Object key = value();
                if (!(key instanceof String)) {
                    pos = keyStart;
                    throw error("dict keys must be strings");
                }
                skipSpace();
                expect(':');
                if (dict.put(key, value()) != null) {
                    throw error("the key '" + ShownText.of(String.valueOf(key), MAX_SHOWN_CHARS) + "' appears twice");
                }
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else {
                    expect('}');
                    return dict;
                }
            }
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** ASCII only: Character.isDigit would also take digits of other scripts from a UTF-8 header. */
        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        /** A syntax error, located by character position. */
        private UserError error(String problem) {
            return new UserError(source + ": unparseable header: " + problem + " at character " + pos + " of "
                    + shownText());
        }

        /** Well-formed Python, but not the dict a .npy header must be. */
        private UserError invalid(String problem) {
            return new UserError(source + ": invalid header: " + problem + " in " + shownText());
        }

        private String shownText() {
            // Only trailing space is cut, so that character positions still count from the start.
            return ShownText.of(text.stripTrailing(), MAX_SHOWN_CHARS);
        }
    }
}
