package dev.fgc.load.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzReaderTest {
    /**
     * Written by NumPy 2.4: {@code np.savez_compressed(f, weights=np.array([[0.5, -1.25], [3, 1e-3]],
     * dtype="<f4"), labels=np.array([3, -1, 7], dtype="<i8"), flag=np.array(True))}. Deflated
     * entries with zip64 local headers, as savez_compressed always writes them.
     */
    private static final String NUMPY_SAVEZ_COMPRESSED = "UEsDBC0AAAAIAAAAIQCcSV7x//////////8LABQAd2VpZ2h0cy5ucHkBABAA"
            + "kAAAAAAAAABWAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6"
            + "CkaaOgq1CmQDLgYGBnsGhgX7GRgcHPKFmq0AUEsDBC0AAAAIAAAAIQAQ++rD//////////8KABQAbGFiZWxzLm5weQEAEACYAAAA"
            + "AAAAAE0AAAAAAAAAm+wX6hsQychQxlCtnpJanFykbqWgbpNpoa6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkaxjqaOgq1"
            + "ChQALmYGCPgPBexQPgBQSwMELQAAAAgAAAAhAIIt+NP//////////wgAFABmbGFnLm5weQEAEACBAAAAAAAAAEMAAAAAAAAAm+wX"
            + "6hsQychQxlCtnpJanFykbqWgXpNkqK6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkamjoKtQoUAS5GAFBLAQItAy0AAAAI"
            + "AAAAIQCcSV7xVgAAAJAAAAALAAAAAAAAAAAAAACAAQAAAAB3ZWlnaHRzLm5weVBLAQItAy0AAAAIAAAAIQAQ++rDTQAAAJgAAAAK"
            + "AAAAAAAAAAAAAACAAZMAAABsYWJlbHMubnB5UEsBAi0DLQAAAAgAAAAhAIIt+NNDAAAAgQAAAAgAAAAAAAAAAAAAAIABHAEAAGZs"
            + "YWcubnB5UEsFBgAAAAADAAMApwAAAJkBAAAAAA==";

    @TempDir
    Path dir;

    @Test
    void readsArchiveWrittenByNumpySavezCompressed() throws IOException {
        Path file = dir.resolve("c.npz");
        Files.write(file, Base64.getDecoder().decode(NUMPY_SAVEZ_COMPRESSED));

        Map<String, NpyArray> arrays = NpzReader.read(file);

        assertEquals(List.of("flag", "labels", "weights"), List.copyOf(arrays.keySet()));
        NpyArray weights = arrays.get("weights");
        assertEquals("<f4", weights.dtype());
        assertArrayEquals(new int[] {2, 2}, weights.shape());
        assertArrayEquals(new double[] {0.5, -1.25, 3, 1e-3f}, weights.values());
        assertEquals("<i8", arrays.get("labels").dtype());
        assertArrayEquals(new double[] {3, -1, 7}, arrays.get("labels").values());
        assertEquals("|b1", arrays.get("flag").dtype());
        assertEquals(0, arrays.get("flag").rank());
        assertEquals(1, arrays.get("flag").get());
    }

    @ParameterizedTest
    @ValueSource(ints = {ZipEntry.STORED, ZipEntry.DEFLATED})
    void readsStoredAndDeflatedEntriesIntoSortedUnmodifiableMap(int method) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("zeta.npy", NpyWriter.encode("<f4", false, 1, new int[] {1, 1}, new double[] {0.5}));
        entries.put("W.npy", NpyWriter.encode(">f8", true, 2, new int[] {2, 2}, new double[] {1, 2, 3, 4}));
        entries.put("arr_0.npy", NpyWriter.encode("|u1", false, 3, new int[] {3}, new double[] {7, 8, 9}));
        Path file = zip("m.npz", method, entries);

        Map<String, NpyArray> arrays = NpzReader.read(file);

        assertEquals(List.of("W", "arr_0", "zeta"), List.copyOf(arrays.keySet()));
        assertArrayEquals(new double[] {1, 2, 3, 4}, arrays.get("W").values());
        assertEquals(9, arrays.get("arr_0").get(2));
        assertEquals(0.5, arrays.get("zeta").get(0, 0));
        assertThrows(UnsupportedOperationException.class, () -> arrays.put("x", arrays.get("W")));
        assertThrows(UnsupportedOperationException.class, () -> arrays.remove("W"));
    }

    @Test
    void keepsNamesWithoutTheSuffixAndSkipsDirectories() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("layer/", new byte[0]);
        entries.put("layer/bias.npy", NpyWriter.encode("<f4", false, 1, new int[] {1}, new double[] {1}));
        entries.put("raw", NpyWriter.encode("<f4", false, 1, new int[] {1}, new double[] {2}));
        Map<String, NpyArray> arrays = NpzReader.read(zip("m.npz", ZipEntry.STORED, entries));
        assertEquals(List.of("layer/bias", "raw"), List.copyOf(arrays.keySet()));
    }

    @Test
    void readsEmptyArchive() throws IOException {
        // The end-of-central-directory record alone: a valid zip with no entries.
        byte[] empty = new byte[22];
        empty[0] = 'P';
        empty[1] = 'K';
        empty[2] = 5;
        empty[3] = 6;
        Path file = dir.resolve("empty.npz");
        Files.write(file, empty);
        assertTrue(NpzReader.read(file).isEmpty());
    }

    // ---- real archives written by NumPy ----

    @Test
    void readsExpectedOutputsOfDigitsModel() {
        Path file = NpyReaderTest.sharedDir().resolve("models/digits-rows/expected.npz");
        Map<String, NpyArray> arrays = NpzReader.read(file);

        assertEquals(List.of("hT", "label", "logits", "logits_f64", "margin", "pred"), List.copyOf(arrays.keySet()));
        NpyArray pred = arrays.get("pred");
        assertArrayEquals(new int[] {539}, pred.shape());
        assertEquals("<i4", pred.dtype());
        assertTrue(pred.isIntegral());
        NpyArray logits = arrays.get("logits");
        assertArrayEquals(new int[] {539, 10}, logits.shape());
        assertEquals("<f8", arrays.get("logits_f64").dtype());
        assertArrayEquals(new int[] {539, 32}, arrays.get("hT").shape());

        // The arrays must agree with one another, which only correctly decoded data does.
        NpyArray label = arrays.get("label");
        NpyArray margin = arrays.get("margin");
        NpyArray logits64 = arrays.get("logits_f64");
        int correct = 0;
        for (int row = 0; row < 539; row++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                best = logits.get(row, c) > logits.get(row, best) ? c : best;
            }
            double runnerUp = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                runnerUp = c == best ? runnerUp : Math.max(runnerUp, logits.get(row, c));
                assertEquals(logits.get(row, c), logits64.get(row, c), 1e-4, "float32 and float64 logits");
            }
            assertEquals(best, pred.get(row), "pred is the arg max of logits in row " + row);
            assertEquals((float) (logits.get(row, best) - runnerUp), margin.get(row), "margin in row " + row);
            correct += pred.get(row) == label.get(row) ? 1 : 0;
        }
        // The README gives the float test accuracy as 94.62%.
        assertEquals(510, correct);
    }

    @Test
    void readsEveryModelsExpectedOutputs() throws IOException {
        Path models = NpyReaderTest.sharedDir().resolve("models");
        List<Path> archives = new ArrayList<>();
        try (Stream<Path> files = Files.list(models)) {
            files.map(model -> model.resolve("expected.npz")).filter(Files::isRegularFile).sorted().forEach(archives::add);
        }
        assertTrue(archives.size() >= 2, "expected an expected.npz in each model folder of " + models);
        for (Path archive : archives) {
            Map<String, NpyArray> arrays = NpzReader.read(archive);
            assertEquals(arrays.get("label").size(), arrays.get("logits").shape()[0], archive.toString());
        }
    }

    // ---- errors ----

    @Test
    void rejectsFileThatIsNotZip() throws IOException {
        Path file = dir.resolve("weights.npz");
        Files.write(file, NpyReaderTest.F4_2X3);
        assertError(file, file + ": not a zip archive, as an .npz must be");
    }

    @Test
    void reportsMissingArchive() {
        Path file = dir.resolve("missing.npz");
        assertError(file, file + ": no such file or directory");
    }

    @Test
    void namesArchiveAndEntryOfInvalidArray() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("good.npy", NpyReaderTest.F4_2X3);
        entries.put("bad.npy", Arrays.copyOf(NpyReaderTest.F4_2X3, 140));
        Path file = zip("model.npz", ZipEntry.DEFLATED, entries);
        assertError(file, file + ":bad.npy: truncated: shape (2, 3) of <f4 needs 24 data bytes, found 12");
    }

    @Test
    void namesArchiveAndEntryOfNonNpyEntry() throws IOException {
        Path file = zip("model.npz", ZipEntry.STORED, Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertError(file, file + ":notes.txt: not a .npy file");
    }

    @Test
    void rejectsDuplicateEntryNames() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.npy", NpyReaderTest.F4_2X3);
        entries.put("b.npy", NpyReaderTest.SCALAR_I2);
        Path file = zip("dup.npz", ZipEntry.STORED, entries);
        // ZipOutputStream refuses duplicate names, so rename b.npy to a.npy in the finished archive
        // (local header and central directory alike; the checksums cover only the data).
        byte[] bytes = Files.readAllBytes(file);
        replaceAll(bytes, "b.npy", "a.npy");
        Files.write(file, bytes);
        assertError(file, file + ":a.npy: the archive holds two entries of this name");
    }

    @Test
    void rejectsTwoEntriesGivingTheSameArrayName() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("x.npy", NpyReaderTest.F4_2X3);
        entries.put("x", NpyReaderTest.F4_2X3);
        Path file = zip("dup.npz", ZipEntry.STORED, entries);
        assertError(file, file + ":x: another entry also gives the array name 'x'");
    }

    @Test
    void rejectsEntryWhoseChecksumDoesNotMatch() throws IOException {
        Path file = zip("crc.npz", ZipEntry.STORED, Map.of("w.npy", NpyReaderTest.F4_2X3));
        byte[] bytes = Files.readAllBytes(file);
        // The last data byte, the high byte of the float 6.0: 0x40 becomes 0x41 and the array stays valid.
        int lastDataByte = indexOf(bytes, NpyReaderTest.F4_2X3) + NpyReaderTest.F4_2X3.length - 1;
        bytes[lastDataByte] ^= 1;
        Files.write(file, bytes);
        assertError(file, file + ":w.npy: corrupt entry: its CRC-32 is ");
    }

    private Path zip(String name, int method, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setMethod(method);
                if (method == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.getValue());
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] target = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        for (int at = indexOf(bytes, target); at >= 0; at = indexOf(bytes, target)) {
            System.arraycopy(replacement, 0, bytes, at, replacement.length);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int at = 0; at + needle.length <= haystack.length; at++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[at + i] != needle[i]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }

    private static void assertError(Path file, String expectedStart) {
        UserError e = assertThrows(UserError.class, () -> NpzReader.read(file));
        assertTrue(e.getMessage().startsWith(expectedStart), "expected \"" + expectedStart + "\" in: " + e.getMessage());
    }
}
