package dev.fgc.testing;

import dev.fgc.load.npy.NpyWriter;
import dev.fgc.model.CellKind;
import dev.fgc.model.Nonlinearity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes small random models in EdgeML's folder layout (float32 .npy), with a test.npy beside them. */
public final class RandomModels {

    /** What to generate; rank 0 means full rank. */
    public record Spec(CellKind cell, int wRank, int uRank, Nonlinearity gate, Nonlinearity update,
                       int inputs, int hidden, int timesteps, int classes, long seed) {

        public static Spec of(CellKind cell, boolean lowRank, Nonlinearity gate, Nonlinearity update, long seed) {
            return new Spec(cell, lowRank ? 3 : 0, lowRank ? 4 : 0, gate, update, 5, 12, 6, 4, seed);
        }

        public String name() {
            return cell.toString().toLowerCase(java.util.Locale.ROOT) + (wRank > 0 ? "-lr" : "-full")
                    + (cell == CellKind.FASTGRNN ? "-" + gate.edgemlName() : "") + "-" + update.edgemlName();
        }
    }

    private RandomModels() {
    }

    /** Writes the model into {@code dir} and returns it; {@code samples} rows go to dir/test.npy. */
    public static Path write(Path dir, Spec s, int samples) throws java.io.IOException {
        Files.createDirectories(dir);
        Random r = new Random(s.seed());
        int in = s.inputs();
        int hid = s.hidden();
        writeMap(dir, "W", s.wRank(), in, hid, r);
        writeMap(dir, "U", s.uRank(), hid, hid, r);
        if (s.cell() == CellKind.FASTGRNN) {
            matrix(dir, "Bg", 1, hid, r, 0.5);
            matrix(dir, "Bh", 1, hid, r, 0.5);
            matrix(dir, "zeta", 1, 1, r, 1.0);
            matrix(dir, "nu", 1, 1, r, 1.0);
        } else {
            matrix(dir, "B", 1, hid, r, 0.5);
            matrix(dir, "alpha", 1, 1, r, 1.0);
            matrix(dir, "beta", 1, 1, r, 1.0);
        }
        matrix(dir, "FC", hid, s.classes(), r, 1.0);
        NpyWriter.writeFloat32(dir.resolve("FCbias.npy"), new int[] {s.classes()}, gaussian(r, s.classes(), 0.3));
        int features = in * s.timesteps();
        double[] mean = gaussian(r, features, 2.0);
        double[] std = new double[features];
        for (int i = 0; i < features; i++) {
            std[i] = 0.5 + 2 * r.nextDouble();
        }
        NpyWriter.writeFloat32(dir.resolve("mean.npy"), new int[] {features}, mean);
        NpyWriter.writeFloat32(dir.resolve("std.npy"), new int[] {features}, std);
        double[] data = new double[samples * (features + 1)];
        for (int n = 0; n < samples; n++) {
            data[n * (features + 1)] = r.nextInt(s.classes());
            for (int f = 0; f < features; f++) {
                data[n * (features + 1) + 1 + f] = mean[f] + std[f] * 1.5 * r.nextGaussian();
            }
        }
        NpyWriter.writeFloat32(dir.resolve("test.npy"), new int[] {samples, features + 1}, data);
        return dir;
    }

    private static void writeMap(Path dir, String name, int rank, int in, int out, Random r) throws java.io.IOException {
        if (rank == 0) {
            matrix(dir, name, in, out, r, 1.0 / Math.sqrt(in));
        } else {
            matrix(dir, name + "1", in, rank, r, 1.0 / Math.sqrt(in));
            matrix(dir, name + "2", rank, out, r, 1.0 / Math.sqrt(rank));
        }
    }

    private static void matrix(Path dir, String name, int rows, int cols, Random r, double scale)
            throws java.io.IOException {
        NpyWriter.writeFloat32(dir.resolve(name + ".npy"), new int[] {rows, cols}, gaussian(r, rows * cols, scale));
    }

    private static double[] gaussian(Random r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * r.nextGaussian());
        }
        return v;
    }
}
