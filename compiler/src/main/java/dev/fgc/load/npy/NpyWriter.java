package dev.fgc.load.npy;

import dev.fgc.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes NumPy {@code .npy} files laid out byte for byte as {@code numpy.save} lays them out, so
 * that files from this writer and from NumPy can be compared directly.
 */
public final class NpyWriter {
    /** NumPy aligns the data to 64 bytes so that any dtype can be memory-mapped in place. */
    private static final int ALIGNMENT = 64;
    /**
     * NumPy reserves room for the growing axis of the shape to reach this many digits, so that a
     * file can be appended to by rewriting its header in place.
     */
    private static final int GROWTH_AXIS_DIGITS = 21;

    private NpyWriter() {}

    /**
     * Writes a little-endian float32, C-order, version 1.0 file, replacing {@code file} only once
     * the whole content is on disk.
     *
     * @throws IllegalArgumentException if the values do not fit the shape
     * @throws UserError if the file cannot be written
     */
    public static void writeFloat32(Path file, int[] shape, double[] valuesCOrder) {
        writeAtomically(file, encode("<f4", false, 1, shape, valuesCOrder));
    }

    /**
     * The bytes of a .npy file, in any layout {@link NpyReader} reads.
     *
     * @param descr the dtype as written into the header, e.g. {@code "<f4"}, {@code ">i2"}, {@code "=f8"}
     * @param version the format major version: 1, 2 or 3
     * @param valuesCOrder the elements in C order, whatever {@code fortranOrder} says
     * @throws IllegalArgumentException if an argument is unsupported, the values do not fit the
     *     shape, an integer dtype cannot hold a value exactly, or the header is too long for version 1
     */
    public static byte[] encode(String descr, boolean fortranOrder, int version, int[] shape, double[] valuesCOrder) {
        if (version < 1 || version > 3) {
            throw new IllegalArgumentException("unsupported .npy format version " + version + " (supported: 1, 2, 3)");
        }
        // The array checks the shape against the values and the dtype against what is supported.
        NpyArray array = new NpyArray(descr, shape, valuesCOrder);
        NpyArray.Dtype dtype = NpyArray.Dtype.parse(descr);
        byte[] header = header(descr, fortranOrder, version, shape);
        double[] stored = fortranOrder ? NpyArray.cToFortran(array.values(), shape) : array.values();

        ByteBuffer out = ByteBuffer.allocate(header.length + stored.length * dtype.itemSize());
        out.put(header).order(dtype.order());
        for (double value : stored) {
            dtype.write(out, value);
        }
        return out.array();
    }

    /** The magic, version, header length and padded header dict: everything before the data. */
    private static byte[] header(String descr, boolean fortranOrder, int version, int[] shape) {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '").append(descr)
                .append("', 'fortran_order': ").append(fortranOrder ? "True" : "False")
                .append(", 'shape': ").append(NpyArray.shapeText(shape))
                .append(", }");
        if (shape.length > 0) {
            int growthAxis = fortranOrder ? shape.length - 1 : 0;
            dict.append(" ".repeat(GROWTH_AXIS_DIGITS - Integer.toString(shape[growthAxis]).length()));
        }
        int lengthBytes = version == 1 ? 2 : 4;
        int preamble = NpyReader.MAGIC.length + 2 + lengthBytes;
        // NumPy always adds at least one space, a whole block of them when already aligned.
        int padding = ALIGNMENT - (preamble + dict.length() + 1) % ALIGNMENT;
        dict.append(" ".repeat(padding)).append('\n');
        // ASCII is both latin-1 (versions 1 and 2) and UTF-8 (version 3), and the descr checked by
        // the array is ASCII, so the header encoding never depends on the version.
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        if (version == 1 && text.length > 0xFFFF) {
            throw new IllegalArgumentException("a header of " + text.length
                    + " bytes is too long for format version 1 (at most 65535); use version 2");
        }

        ByteBuffer out = ByteBuffer.allocate(preamble + text.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(NpyReader.MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            out.putShort((short) text.length);
        } else {
            out.putInt(text.length);
        }
        return out.put(text).array();
    }

    /**
     * Writes to a fresh file beside the target and renames it over the target, so that readers
     * see the old content or the new one, never a part. Files.createTempFile is not used because
     * it makes the file private to the owner instead of following the umask.
     */
    private static void writeAtomically(Path file, byte[] content) {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                + "." + System.nanoTime() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer remaining = ByteBuffer.wrap(content);
                while (remaining.hasRemaining()) {
                    channel.write(remaining);
                }
                // On disk before the rename, so that a crash cannot leave the new name on empty data.
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UserError(file + ": cannot write: " + NpyReader.describe(e), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed; that error is the one worth reporting.
        }
    }
}
