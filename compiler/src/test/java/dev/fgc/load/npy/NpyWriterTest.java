package dev.fgc.load.npy;

import static dev.fgc.load.npy.NpyReaderTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyWriterTest {
    @Test
    void encodesExactlyWhatNumpyWrites() {
        assertArrayEquals(NpyReaderTest.F4_2X3,
                NpyWriter.encode("<f4", false, 1, new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}));
        assertArrayEquals(NpyReaderTest.BIG_ENDIAN_F8_FORTRAN_2X3,
                NpyWriter.encode(">f8", true, 1, new int[] {2, 3}, new double[] {1.5, -2, 3, 4, 5, -0.25}));
        assertArrayEquals(NpyReaderTest.SCALAR_I2, NpyWriter.encode("<i2", false, 1, new int[0], new double[] {7}));
    }

    @Test
    void reservesRoomForTheGrowingAxisAsNumpyDoes() {
        // NumPy 2.4 writes a 182-byte header for zeros of shape (1,) * 20: the dict alone would
        // fit in 118 bytes, but the first axis gets 20 spare spaces to grow to 21 digits.
        int[] ones = new int[20];
        Arrays.fill(ones, 1);
        assertEquals(182, headerLength(NpyWriter.encode("|u1", false, 1, ones, new double[1])));
        assertEquals(118, headerLength(NpyWriter.encode("|u1", false, 1, new int[] {2, 3, 4}, new double[24])));
    }

    @Test
    void writesFloat32FileIdenticalToNumpyOutput(@TempDir Path dir) throws IOException {
        Path golden = NpyReaderTest.sharedDir().resolve("golden/edgeml-usps");
        List<Path> float32Files;
        try (Stream<Path> files = Files.list(golden)) {
            float32Files = files.filter(file -> file.toString().endsWith(".npy"))
                    .filter(file -> NpyReader.read(file).dtype().equals("<f4"))
                    .sorted()
                    .toList();
        }
        assertTrue(float32Files.size() >= 10, "expected the float32 weights in " + golden);
        for (Path numpyFile : float32Files) {
            NpyArray array = NpyReader.read(numpyFile);
            Path copy = dir.resolve(numpyFile.getFileName());
            NpyWriter.writeFloat32(copy, array.shape(), array.values());
            assertArrayEquals(Files.readAllBytes(numpyFile), Files.readAllBytes(copy), numpyFile.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void alignsDataTo64BytesWithSpacePaddedHeader(int version) {
        int preamble = version == 1 ? 10 : 12;
        for (int rank = 0; rank <= 12; rank++) {
            int[] shape = new int[rank];
            Arrays.fill(shape, 3);
            double[] values = new double[(int) Math.pow(3, rank)];
            byte[] bytes = NpyWriter.encode("<f8", rank % 2 == 0, version, shape, values);

            assertEquals(version, bytes[6]);
            assertEquals(0, bytes[7]);
            int dataStart = preamble + headerLength(bytes);
            assertEquals(0, dataStart % 64, "data start for rank " + rank);
            assertEquals(values.length * 8, bytes.length - dataStart);
            String header = new String(bytes, preamble, dataStart - preamble, StandardCharsets.US_ASCII);
            assertTrue(header.endsWith(" \n"), header);
            assertEquals(header.indexOf('}') + 1, header.stripTrailing().length(), "only spaces after the dict");
        }
    }

    @Test
    void writesDataInRequestedByteOrderAndLayout() {
        assertArrayEquals(hex("00000001 fffffffe"), data(NpyWriter.encode(">i4", false, 1, new int[] {2},
                new double[] {1, -2})));
        // C order [[1, 2], [3, 4]] is stored column by column in Fortran order.
        assertArrayEquals(hex("0100 0300 0200 0400"), data(NpyWriter.encode("<u2", true, 1, new int[] {2, 2},
                new double[] {1, 2, 3, 4})));
        assertArrayEquals(hex("01 00 01"), data(NpyWriter.encode("|b1", false, 1, new int[] {3},
                new double[] {1, 0, 1})));
        assertArrayEquals(hex("80 ff 7f"), data(NpyWriter.encode("|i1", false, 1, new int[] {3},
                new double[] {-128, -1, 127})));
    }

    @Test
    void writesInt64BeyondTheExactDoubleRangeForReaderTests() {
        byte[] bytes = NpyWriter.encode("<i8", false, 1, new int[] {1}, new double[] {-0x1p63});
        assertEquals(Long.MIN_VALUE, ByteBuffer.wrap(data(bytes)).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    @Test
    void movesToVersion2WhenTheHeaderOutgrowsVersion1() {
        int[] shape = new int[30_000];
        Arrays.fill(shape, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.encode("<f4", false, 1, shape, new double[] {2}));
        assertTrue(e.getMessage().contains("too long for format version 1"), e.getMessage());

        NpyArray array = NpyReader.read(NpyWriter.encode("<f4", false, 2, shape, new double[] {2}), "big.npy");
        assertEquals(30_000, array.rank());
        assertEquals(2, array.values()[0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "|i1; 128; cannot be stored exactly as |i1",
        "|u1; -1; cannot be stored exactly as |u1",
        "<u2; 65536; cannot be stored exactly as <u2",
        "<i4; 1.5; cannot be stored exactly as <i4",
        "<i2; NaN; cannot be stored exactly as <i2",
        "<i8; 9.223372036854775807E18; cannot be stored exactly as <i8",
        "|b1; 2; cannot be stored exactly as |b1",
        "<c8; 1; unsupported dtype '<c8'",
        "<f2; 1; 2-byte floats are not supported",
    })
    void refusesValuesTheDtypeCannotHold(String descr, double value, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.encode(descr, false, 1, new int[] {1}, new double[] {value}));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void refusesBadArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.encode("<f4", false, 1, new int[] {2, 3}, new double[5]))
                .getMessage().contains("shape (2, 3) holds 6 elements but 5 values were given"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.encode("<f4", false, 1, new int[] {-1}, new double[0]))
                .getMessage().contains("negative dimension"));
        for (int version : new int[] {0, 4}) {
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> NpyWriter.encode("<f4", false, version, new int[] {1}, new double[1]))
                    .getMessage().contains("unsupported .npy format version " + version));
        }
    }

    @Test
    void writeFloat32RoundsToFloatAndReplacesExistingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("W.npy");
        Files.writeString(file, "old content");
        NpyWriter.writeFloat32(file, new int[] {2}, new double[] {0.1, -3});

        NpyArray array = NpyReader.read(file);
        assertEquals("<f4", array.dtype());
        assertArrayEquals(new double[] {0.1f, -3}, array.values());
        assertEquals(List.of(file), listing(dir), "no temporary file is left behind");
    }

    @Test
    void failedWriteLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Path missingDir = dir.resolve("missing").resolve("W.npy");
        UserError e = assertThrows(UserError.class,
                () -> NpyWriter.writeFloat32(missingDir, new int[] {1}, new double[] {1}));
        assertTrue(e.getMessage().startsWith(missingDir + ": cannot write: "), e.getMessage());

        // A directory cannot be replaced by the file: the move fails after the data is written.
        Path occupied = dir.resolve("occupied.npy");
        Files.createDirectory(occupied);
        Files.writeString(occupied.resolve("keep"), "x");
        e = assertThrows(UserError.class, () -> NpyWriter.writeFloat32(occupied, new int[] {1}, new double[] {1}));
        assertTrue(e.getMessage().startsWith(occupied + ": cannot write: "), e.getMessage());
        assertTrue(Files.isDirectory(occupied));

        // Values that do not fit the shape are refused before anything is created.
        Path unwritten = dir.resolve("unwritten.npy");
        assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.writeFloat32(unwritten, new int[] {3}, new double[] {1}));
        assertFalse(Files.exists(unwritten));

        assertEquals(List.of(occupied), listing(dir), "no temporary file is left behind");
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** The header length field, for any version. */
    private static int headerLength(byte[] npy) {
        ByteBuffer field = ByteBuffer.wrap(npy, 8, 4).order(ByteOrder.LITTLE_ENDIAN);
        return npy[6] == 1 ? Short.toUnsignedInt(field.getShort()) : field.getInt();
    }

    private static byte[] data(byte[] npy) {
        int start = (npy[6] == 1 ? 10 : 12) + headerLength(npy);
        return Arrays.copyOfRange(npy, start, npy.length);
    }
}
