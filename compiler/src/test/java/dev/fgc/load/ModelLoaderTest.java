package dev.fgc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.UserError;
import dev.fgc.load.npy.NpyWriter;
import dev.fgc.model.CellKind;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.testing.RandomModels;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void loadsTheEdgemlUspsFolderUnchanged() {
        Model m = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        assertEquals(CellKind.FASTGRNN, m.cell().kind());
        assertEquals(16, m.inputs());
        assertEquals(16, m.timesteps());
        assertEquals(32, m.hidden());
        assertEquals(10, m.classes());
        assertEquals(5, m.cell().w().rank().getAsInt());
        assertEquals(5, m.cell().u().rank().getAsInt());
        FastGrnnCell cell = assertInstanceOf(FastGrnnCell.class, m.cell());
        assertEquals(Nonlinearity.SIGMOID, cell.gate());
        assertEquals(Nonlinearity.TANH, cell.update());
        assertEquals(956, m.parameters());
    }

    @Test
    void loadsFullRankSharedModelAndAppliesNonlinearityOptions() {
        Model m = ModelLoader.load(Repo.sharedModel("synth-har"), LoadOptions.of(Nonlinearity.TANH, null));
        FastGrnnCell cell = assertInstanceOf(FastGrnnCell.class, m.cell());
        assertEquals(Nonlinearity.TANH, cell.gate());
        assertEquals(128, m.timesteps());
        Model digits = ModelLoader.load(Repo.sharedModel("digits-rows"), LoadOptions.defaults());
        assertInstanceOf(LinearMap.Dense.class, digits.cell().w());
        assertEquals(1676, digits.parameters());
    }

    @Test
    void detectsFastRnnFromItsFiles() throws IOException {
        Path dir = RandomModels.write(tmp.resolve("rnn"), RandomModels.Spec.of(CellKind.FASTRNN, true,
                Nonlinearity.SIGMOID, Nonlinearity.RELU, 1), 2);
        Model m = ModelLoader.load(dir, LoadOptions.of(null, Nonlinearity.RELU));
        FastRnnCell cell = assertInstanceOf(FastRnnCell.class, m.cell());
        assertEquals(Nonlinearity.RELU, cell.update());
        UserError e = assertThrows(UserError.class,
                () -> ModelLoader.load(dir, LoadOptions.of(Nonlinearity.TANH, null)));
        assertTrue(e.getMessage().contains("FastRNN model, which has no gate"), e.getMessage());
    }

    @Test
    void loadsAnNpzArchiveOfTheSameArrays() throws IOException {
        Path npz = tmp.resolve("usps.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
            try (var files = Files.list(Repo.usps())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".npy")).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
        }
        Model fromNpz = ModelLoader.load(npz, LoadOptions.defaults());
        Model fromDir = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        assertEquals("usps", fromNpz.name());
        assertEquals(fromDir.cell(), fromNpz.cell());
        assertEquals(fromDir.classifier(), fromNpz.classifier());
    }

    @Test
    void inconsistentShapesNameBothFilesAndShapes() throws IOException {
        Path dir = copyOfUsps();
        NpyWriter.writeFloat32(dir.resolve("U2.npy"), new int[] {5, 30}, new double[150]);
        UserError e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("U2.npy: shape [5, 30]"), e.getMessage());
        assertTrue(e.getMessage().contains("W2.npy [5, 32]"), e.getMessage());
    }

    @Test
    void emptyWeightMatrixIsRejected() throws IOException {
        // Found by ModelLoaderFuzzTest: an input width of zero reached a division by zero.
        Path dir = copyOfUsps();
        NpyWriter.writeFloat32(dir.resolve("W1.npy"), new int[] {0, 5}, new double[0]);
        UserError e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("W1.npy: shape [0, 5] is empty"), e.getMessage());
    }

    @Test
    void meanLengthMustBeWholeTimesteps() throws IOException {
        Path dir = copyOfUsps();
        NpyWriter.writeFloat32(dir.resolve("mean.npy"), new int[] {250}, new double[250]);
        UserError e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("mean.npy: length 250 is not a whole number of timesteps of 16"),
                e.getMessage());
    }

    @Test
    void rejectsNanAndInfinity() throws IOException {
        Path dir = copyOfUsps();
        double[] fc = new double[320];
        fc[13] = Double.NaN;
        NpyWriter.writeFloat32(dir.resolve("FC.npy"), new int[] {32, 10}, fc);
        UserError e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("FC.npy: element [1, 3] is NaN"), e.getMessage());
        NpyWriter.writeFloat32(dir.resolve("FC.npy"), new int[] {32, 10}, new double[320]);
        NpyWriter.writeFloat32(dir.resolve("nu.npy"), new int[] {1, 1}, new double[] {Double.NEGATIVE_INFINITY});
        e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("nu.npy: element [0, 0] is -Inf"), e.getMessage());
    }

    @Test
    void missingAndAmbiguousFilesAreNamed() throws IOException {
        Path dir = copyOfUsps();
        Files.delete(dir.resolve("W2.npy"));
        UserError e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("W2.npy: not found, but W1.npy is"), e.getMessage());
        NpyWriter.writeFloat32(dir.resolve("W.npy"), new int[] {16, 32}, new double[512]);
        e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("both W.npy and the low-rank factors"), e.getMessage());
        e = assertThrows(UserError.class, () -> ModelLoader.load(tmp.resolve("nowhere"), LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("nowhere: no such model folder"), e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(UserError.class, () -> ModelLoader.load(empty, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("not an EdgeML FastGRNN"), e.getMessage());
    }

    @Test
    void truncatedArrayIsReportedWithItsFile() throws IOException {
        Path dir = copyOfUsps();
        byte[] w1 = Files.readAllBytes(dir.resolve("W1.npy"));
        try (OutputStream o = Files.newOutputStream(dir.resolve("W1.npy"))) {
            o.write(w1, 0, w1.length - 7);
        }
        UserError e = assertThrows(UserError.class, () -> ModelLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("W1.npy: truncated"), e.getMessage());
    }

    private Path copyOfUsps() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("usps"));
        try (var files = Files.list(Repo.usps())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
