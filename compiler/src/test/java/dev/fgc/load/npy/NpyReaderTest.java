package dev.fgc.load.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReaderTest {
    /**
     * What {@code numpy.save("x.npy", np.array([[1, 2, 3], [4, 5, 6]], dtype="<f4"))} writes,
     * spelled out byte by byte (checked against NumPy 2.4).
     */
    static final byte[] F4_2X3 = concat(
            hex("93 4e 55 4d 50 59 01 00 76 00"),
            ascii("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n"),
            hex("0000803f 00000040 00004040 00008040 0000a040 0000c040"));

    /**
     * What NumPy writes for {@code np.asfortranarray(np.array([[1.5, -2, 3], [4, 5, -0.25]], dtype=">f8"))}:
     * big endian, and the data column by column.
     */
    static final byte[] BIG_ENDIAN_F8_FORTRAN_2X3 = concat(
            hex("93 4e 55 4d 50 59 01 00 76 00"),
            ascii("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }" + " ".repeat(59) + "\n"),
            hex("3ff8000000000000 4010000000000000 c000000000000000"
                    + "4014000000000000 4008000000000000 bfd0000000000000"));

    /** What NumPy writes for {@code np.array(7, dtype="<i2")}: a 0-d array, no growth padding. */
    static final byte[] SCALAR_I2 = concat(
            hex("93 4e 55 4d 50 59 01 00 76 00"),
            ascii("{'descr': '<i2', 'fortran_order': False, 'shape': (), }" + " ".repeat(62) + "\n"),
            hex("0700"));

    private static final String SOURCE = "W.npy";
    private static final String F4_HEADER = "{'descr': '<f4', 'fortran_order': False, 'shape': (16, 5), }";

    @Test
    void readsNumpyFloat32File() {
        NpyArray array = NpyReader.read(F4_2X3, SOURCE);
        assertEquals("<f4", array.dtype());
        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertEquals(2, array.rank());
        assertEquals(6, array.size());
        assertFalse(array.isIntegral());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, array.values());
        assertEquals(6, array.get(1, 2));
    }

    @Test
    void readsBigEndianFortranOrderFileIntoCOrder() {
        NpyArray array = NpyReader.read(BIG_ENDIAN_F8_FORTRAN_2X3, SOURCE);
        assertEquals(">f8", array.dtype());
        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertArrayEquals(new double[] {1.5, -2, 3, 4, 5, -0.25}, array.values());
        assertEquals(4, array.get(1, 0));
        assertEquals(-2, array.get(0, 1));
    }

    @Test
    void readsZeroDimensionalArray() {
        NpyArray array = NpyReader.read(SCALAR_I2, SOURCE);
        assertEquals(0, array.rank());
        assertEquals(1, array.size());
        assertArrayEquals(new int[0], array.shape());
        assertTrue(array.isIntegral());
        assertEquals(7, array.get());
    }

    static Stream<Arguments> everyLayout() {
        List<Arguments> cases = new ArrayList<>();
        for (String type : List.of("b1", "i1", "u1", "i2", "u2", "i4", "i8", "f4", "f8")) {
            for (char order : new char[] {'<', '>', '=', '|'}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    for (int version = 1; version <= 3; version++) {
                        cases.add(Arguments.of(order + type, fortran, version));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} fortran={1} v{2}")
    @MethodSource("everyLayout")
    void roundTripsEveryDtypeByteOrderLayoutAndVersion(String descr, boolean fortran, int version) {
        int[] shape = {2, 3, 4};
        double[] values = sampleValues(descr.substring(1), 24);

        NpyArray array = NpyReader.read(NpyWriter.encode(descr, fortran, version, shape, values), SOURCE);

        assertArrayEquals(shape, array.shape());
        assertArrayEquals(values, array.values());
        assertEquals(normalised(descr), array.dtype());
        assertEquals(descr.charAt(1) != 'f', array.isIntegral());
        assertEquals(values[1 * 12 + 2 * 4 + 3], array.get(1, 2, 3));
    }

    /** Distinct values that reach the ends of each type's range (for int64: of the exact range). */
    static double[] sampleValues(String type, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (type) {
                case "b1" -> i % 3 == 0 ? 1 : 0;
                case "u1", "u2" -> i;
                case "f4", "f8" -> i * 0.25 - 3;
                default -> i - 11;
            };
        }
        double[] ends = switch (type) {
            case "i1" -> new double[] {-128, 127};
            case "u1" -> new double[] {0, 255};
            case "i2" -> new double[] {-32768, 32767};
            case "u2" -> new double[] {0, 65535};
            case "i4" -> new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case "i8" -> new double[] {-0x1p53, 0x1p53};
            case "f4" -> new double[] {-Float.MAX_VALUE, Float.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY,
                -0.0, 0.1f};
            case "f8" -> new double[] {Double.MAX_VALUE, -Double.MIN_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, -0.0, 1.0 / 3};
            default -> new double[0];
        };
        System.arraycopy(ends, 0, values, count - ends.length, ends.length);
        return values;
    }

    private static String normalised(String descr) {
        if (descr.endsWith("1")) {
            return "|" + descr.substring(1);
        }
        return (descr.charAt(0) == '>' ? ">" : "<") + descr.substring(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
        "{'shape': (2, 3), 'fortran_order': False, 'descr': '<f4'}",
        "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2, 3)}",
        "  {  'descr' :'<f4','fortran_order':False,'shape':(2,3,) , }  ",
        "{'descr': '<f4',\t'fortran_order': False,\n 'shape': (2L, 3L), }\r\n",
    })
    void acceptsHeaderSpellings(String header) {
        NpyArray array = NpyReader.read(npy(1, header, floats(1, 2, 3, 4, 5, 6)), SOURCE);
        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, array.values());
    }

    @Test
    void readsOneDimensionalShapeWithTrailingComma() {
        NpyArray array = NpyReader.read(npy(1, header("<f4", false, "(5,)"), floats(1, 2, 3, 4, 5)), SOURCE);
        assertArrayEquals(new int[] {5}, array.shape());
        assertEquals(4, array.get(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"(0,); false; 1", "(0, 3); false; 2", "(3, 0); true; 2", "(2, 0, 4); true; 3"})
    void readsEmptyArrays(String shape, boolean fortran, int rank) {
        NpyArray array = NpyReader.read(npy(1, header("<f4", fortran, shape), new byte[0]), SOURCE);
        assertEquals(0, array.size());
        assertEquals(0, array.values().length);
        assertEquals(rank, array.rank());
    }

    @ParameterizedTest
    @CsvSource({"=f8, <f8", "|f4, <f4", "<u1, |u1", ">i1, |i1", "=b1, |b1", ">i2, >i2"})
    void normalisesByteOrder(String descr, String expected) {
        NpyArray array = NpyReader.read(NpyWriter.encode(descr, false, 1, new int[] {1}, new double[] {1}), SOURCE);
        assertEquals(expected, array.dtype());
    }

    @Test
    void equalsAndFortranPermutationAgreeForHigherRank() {
        int[] shape = {2, 3, 4, 5};
        double[] values = sampleValues("f8", 120);
        NpyArray fromC = NpyReader.read(NpyWriter.encode("<f8", false, 1, shape, values), SOURCE);
        NpyArray fromFortran = NpyReader.read(NpyWriter.encode("<f8", true, 1, shape, values), SOURCE);
        assertEquals(fromC, fromFortran);
        assertEquals(fromC.hashCode(), fromFortran.hashCode());
        assertEquals(values[1 * 60 + 2 * 20 + 3 * 5 + 4], fromFortran.get(1, 2, 3, 4));
    }

    @Test
    void readsAnyNonZeroBoolByteAsOne() {
        NpyArray array = NpyReader.read(npy(1, header("|b1", false, "(3,)"), hex("00 01 02")), SOURCE);
        assertArrayEquals(new double[] {0, 1, 1}, array.values());
        assertTrue(array.isIntegral());
    }

    @Test
    void readsUtf8HeaderOfVersion3() {
        // Non-ASCII text can only appear in an unknown key, which the message quotes back decoded.
        UserError e = read(npy(3, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'é': 1}", floats(1)));
        assertTrue(e.getMessage().contains("unexpected key 'é'"), e.getMessage());
        assertEquals(1, NpyReader.read(npy(3, header("<f4", false, "(1,)"), floats(1)), SOURCE).size());
    }

    @Test
    void readsLatin1HeaderOfVersion2() {
        UserError e = read(npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'é': 1}", floats(1)));
        assertTrue(e.getMessage().contains("unexpected key 'é'"), e.getMessage());
    }

    // ---- errors ----

    @Test
    void rejectsWrongMagic() {
        assertError(concat(ascii("NUMPY!"), F4_2X3), "not a .npy file: it does not start with the .npy magic");
        assertError(new byte[] {(byte) 0x93, 'N', 'U'}, "not a .npy file");
        assertError(new byte[0], "not a .npy file");
    }

    @Test
    void recognisesZipArchiveGivenAsNpy() {
        assertError(concat(hex("504b0304"), new byte[40]), "not a .npy file: it is a zip archive (an .npz?)");
    }

    @ParameterizedTest
    @CsvSource({"4, 0, 4.0", "1, 1, 1.1", "0, 0, 0.0", "255, 0, 255.0"})
    void rejectsUnsupportedVersion(int major, int minor, String shown) {
        byte[] bytes = F4_2X3.clone();
        bytes[6] = (byte) major;
        bytes[7] = (byte) minor;
        assertError(bytes, "unsupported .npy format version " + shown + " (supported: 1.0, 2.0, 3.0)");
    }

    @Test
    void rejectsTruncatedPreambleAndHeader() {
        assertError(Arrays.copyOf(F4_2X3, 7), "truncated: the file ends inside the format version");
        assertError(Arrays.copyOf(F4_2X3, 9), "truncated: the file ends inside the header length");
        assertError(Arrays.copyOf(F4_2X3, 30),
                "truncated: the header should be 118 bytes but only 20 follow the preamble");
        byte[] version2 = npy(2, header("<f4", false, "(1,)"), floats(1));
        version2[11] = 1; // a header length of 16 MiB and more
        assertError(version2, "truncated: the header should be");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "{'descr': '<f4', 'fortran_order': False, 'shape': (16, 5), ; the header ends too early",
        "{'descr' '<f4', 'fortran_order': False, 'shape': (16, 5)}; expected ':' at character 9",
        "{'descr': '<f4, 'fortran_order': False, 'shape': (16, 5)}; expected '}'",
        "{'descr': '<f4; unterminated string",
        "{'descr': '<f4', 'fortran_order': false, 'shape': (16, 5)}; unexpected character 'f'",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (16., 5)}; expected ')'",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (16, 5)} x; unexpected text after the dict",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (16, -)}; expected digits",
        "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (16, 5)}; the key 'descr' appears twice",
        "{1: '<f4', 'fortran_order': False, 'shape': (16, 5)}; dict keys must be strings at character 1",
        "; the header ends too early",
    })
    void rejectsUnparseableHeader(String header, String problem) {
        assertError(npy(1, header == null ? "" : header, new byte[320]), "unparseable header: " + problem);
    }

    @Test
    void rejectsDeeplyNestedHeader() {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + "(".repeat(1000) + ")".repeat(1000) + "}";
        assertError(npy(2, header, new byte[0]), "unparseable header: nested too deeply");
    }

    @Test
    void rejectsVersion3HeaderThatIsNotUtf8() {
        byte[] bytes = npy(3, header("<f4", false, "(1,)"), floats(1));
        bytes[14] = (byte) 0xff;
        assertError(bytes, "unparseable header: a version 3.0 header must be UTF-8 but is not");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "('<f4', False, (16, 5)); it is not a dict",
        "{'descr': '<f4', 'shape': (16, 5)}; the key 'fortran_order' is missing",
        "{'descr': '<f4', 'fortran_order': False}; the key 'shape' is missing",
        "{'fortran_order': False, 'shape': (16, 5)}; the key 'descr' is missing",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (16, 5), 'order': 'C'}; unexpected key 'order'",
        "{'descr': 4, 'fortran_order': False, 'shape': (16, 5)}; 'descr' must be a string such as '<f4'",
        "{'descr': '<f4', 'fortran_order': 0, 'shape': (16, 5)}; 'fortran_order' must be True or False",
        "{'descr': '<f4', 'fortran_order': False, 'shape': [16, 5]}; 'shape' must be a tuple of integers",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (80)}; 'shape' must be a tuple of integers",
        "{'descr': '<f4', 'fortran_order': False, 'shape': ('16', 5)}; 'shape' must be a tuple of integers",
    })
    void rejectsInvalidHeader(String header, String problem) {
        assertError(npy(1, header, new byte[320]), "invalid header: " + problem);
    }

    @Test
    void rejectsStructuredDtype() {
        String header = "{'descr': [('x', '<f4'), ('y', '<i4')], 'fortran_order': False, 'shape': (2,), }";
        assertError(npy(1, header, new byte[16]),
                "unsupported dtype: structured dtypes (records with named fields) are not supported");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "|O; object arrays (pickled Python objects) are not supported",
        "<U5; string arrays are not supported",
        "|S3; string arrays are not supported",
        "<c8; complex numbers are not supported",
        ">c16; complex numbers are not supported",
        "|V8; structured (void) dtypes are not supported",
        "<M8[ns]; dates and time deltas are not supported",
        "<f2; 2-byte floats are not supported",
        "<u4; 4-byte unsigned integers are not supported",
        "<u8; 8-byte unsigned integers are not supported",
        "|b2; it is not a known numeric type",
        "<i; its item size is missing or malformed",
        "f4; it does not start with a byte order '<', '>', '|' or '='",
    })
    void rejectsUnsupportedDtype(String descr, String reason) {
        UserError e = assertError(npy(1, header(descr, false, "(2,)"), new byte[16]),
                "unsupported dtype '" + descr + "': " + reason + "; supported: ");
        assertTrue(e.getMessage().contains("float32 (f4)"), e.getMessage());
    }

    @Test
    void rejectsNegativeDimension() {
        assertError(npy(1, header("<f4", false, "(3, -1)"), new byte[0]), "shape (3, -1) has a negative dimension");
    }

    @Test
    void rejectsAbsurdShapes() {
        assertError(npy(1, header("<f4", false, "(4294967296,)"), new byte[0]),
                "shape (4294967296,) has dimension 4294967296, more than the 2147483647 supported");
        assertError(npy(1, header("|u1", false, "(99999999999999999999999, 0)"), new byte[0]),
                "has dimension 99999999999999999999999");
        assertError(npy(1, header("|u1", false, "(65536, 32768)"), new byte[0]),
                "shape (65536, 32768) has 2147483648 elements, more than the 2147483647 supported");
    }

    @Test
    void acceptsLargestDimensionWhenAnotherIsZero() {
        NpyArray array = NpyReader.read(npy(1, header("<f8", false, "(2147483647, 0)"), new byte[0]), SOURCE);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, 0}, array.shape());
    }

    @Test
    void rejectsTruncatedDataSayingHowManyBytes() {
        UserError e = read(npy(1, F4_HEADER, new byte[100]));
        assertEquals("W.npy: truncated: shape (16, 5) of <f4 needs 320 data bytes, found 100", e.getMessage());
        assertError(Arrays.copyOf(F4_2X3, F4_2X3.length - 1),
                "truncated: shape (2, 3) of <f4 needs 24 data bytes, found 23");
    }

    @Test
    void rejectsBytesAfterTheData() {
        UserError e = read(npy(1, F4_HEADER, new byte[400]));
        assertEquals("W.npy: 80 unexpected bytes after the data: shape (16, 5) of <f4 needs 320 data bytes, found 400",
                e.getMessage());
        assertError(concat(SCALAR_I2, new byte[1]),
                "1 unexpected bytes after the data: shape () of <i2 needs 2 data bytes, found 3");
    }

    @Test
    void rejectsInt64ThatNoDoubleHoldsExactly() {
        long tooLarge = (1L << 53) + 1;
        byte[] data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(5).putLong(-tooLarge).array();
        assertError(npy(1, header("<i8", false, "(2,)"), data),
                "element 1 (in file order) of <i8 is -9007199254740993, beyond ±2^53");
    }

    @Test
    void readsFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.npy");
        Files.write(good, F4_2X3);
        assertEquals(6, NpyReader.read(good).size());

        Path bad = dir.resolve("bad.npy");
        Files.write(bad, Arrays.copyOf(F4_2X3, F4_2X3.length - 4));
        UserError e = assertThrows(UserError.class, () -> NpyReader.read(bad));
        assertEquals(bad + ": truncated: shape (2, 3) of <f4 needs 24 data bytes, found 20", e.getMessage());
    }

    @Test
    void reportsMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.npy");
        UserError e = assertThrows(UserError.class, () -> NpyReader.read(missing));
        assertEquals(missing + ": cannot read: no such file or directory", e.getMessage());
    }

    // ---- real files written by NumPy ----

    @Test
    void readsGoldenModelWrittenByNumpy() {
        Path golden = sharedDir().resolve("golden/edgeml-usps");
        NpyArray w1 = NpyReader.read(golden.resolve("W1.npy"));
        assertArrayEquals(new int[] {16, 5}, w1.shape());
        assertEquals("<f4", w1.dtype());
        for (double value : w1.values()) {
            assertEquals(value, (float) value, "every float32 value is a float");
            assertTrue(Math.abs(value) < 100, "weights are of modest size: " + value);
        }

        NpyArray test = NpyReader.read(golden.resolve("test.npy"));
        assertArrayEquals(new int[] {10, 257}, test.shape());
        // Column 0 holds the labels, digits 0 to 9.
        for (int row = 0; row < 10; row++) {
            double label = test.get(row, 0);
            assertTrue(label == Math.rint(label) && label >= 0 && label <= 9, "label " + label);
        }
        assertEquals("<f8", NpyReader.read(golden.resolve("expected_logits.npy")).dtype());
        assertArrayEquals(new int[] {1, 1}, NpyReader.read(golden.resolve("zeta.npy")).shape());
        assertArrayEquals(new int[] {10}, NpyReader.read(golden.resolve("FCbias.npy")).shape());
    }

    /** The repository's shared data folder; tests run in compiler/, two levels below its parent. */
    static Path sharedDir() {
        Path shared = Path.of("../../shared").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(shared), "the shared test data folder " + shared
                + " is missing; it should sit beside the repository (tests run in compiler/)");
        return shared;
    }

    // ---- helpers: .npy bytes built without NpyWriter ----

    static String header(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }";
    }

    /** A .npy file with exactly the given header text (no padding added) and data bytes. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer preamble = ByteBuffer.allocate(major == 1 ? 10 : 12).order(ByteOrder.LITTLE_ENDIAN);
        preamble.put(NpyReader.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            preamble.putShort((short) text.length);
        } else {
            preamble.putInt(text.length);
        }
        return concat(preamble.array(), text, data);
    }

    static byte[] floats(float... values) {
        ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            out.putFloat(value);
        }
        return out.array();
    }

    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static UserError read(byte[] bytes) {
        return assertThrows(UserError.class, () -> NpyReader.read(bytes, SOURCE));
    }

    /** Asserts that reading fails with a message naming the source and containing the problem. */
    private static UserError assertError(byte[] bytes, String problem) {
        UserError e = read(bytes);
        assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected \"" + problem + "\" in: " + e.getMessage());
        return e;
    }
}
