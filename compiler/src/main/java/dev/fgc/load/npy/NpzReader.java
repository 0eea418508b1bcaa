package dev.fgc.load.npy;

import dev.fgc.UserError;
import dev.fgc.load.ShownText;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives, the zip files that {@code numpy.savez} (entries stored) and
 * {@code numpy.savez_compressed} (entries deflated) write, one {@code .npy} file per array.
 */
public final class NpzReader {
    private static final String SUFFIX = ".npy";
    /** Java arrays stop a few elements short of Integer.MAX_VALUE. */
    private static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 8;
    private static final int MAX_SHOWN_CHARS = 200;

    private NpzReader() {}

    /**
     * @return the arrays by entry name without the {@code .npy} suffix (as {@code numpy.load}
     *     names them), unmodifiable and in sorted order
     */
    public static Map<String, NpyArray> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file or directory"));
        }
        // ZipFile reads the central directory, which holds the sizes that numpy's streamed,
        // zip64-forced local headers leave out.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return readEntries(zip, file.toString());
        } catch (ZipException e) {
            throw new UserError(file + ": not a zip archive, as an .npz must be (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + NpyReader.describe(e), e);
        }
    }

    private static SortedMap<String, NpyArray> readEntries(ZipFile zip, String archive) {
        SortedMap<String, NpyArray> arrays = new TreeMap<>();
        // The central directory may list a name twice; ZipFile would then give both entries the
        // first one's data, so duplicates are caught by entry name before any key is made.
        Set<String> entryNames = new HashSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = nextEntry(entries, archive);
            // Entry names are the archive's own text, so they are shown escaped.
            String source = archive + ":" + ShownText.of(entry.getName(), MAX_SHOWN_CHARS);
            if (entry.isDirectory()) {
                continue;
            }
            if (!entryNames.add(entry.getName())) {
                throw new UserError(source + ": the archive holds two entries of this name");
            }
            String key = keyOf(entry.getName());
            if (arrays.containsKey(key)) {
                throw new UserError(source + ": another entry also gives the array name '" + key + "'");
            }
            arrays.put(key, NpyReader.read(entryBytes(zip, entry, source), source));
        }
        return Collections.unmodifiableSortedMap(arrays);
    }

    private static ZipEntry nextEntry(Enumeration<? extends ZipEntry> entries, String archive) {
        try {
            return entries.nextElement();
        } catch (IllegalArgumentException e) {
            // ZipFile decodes a name flagged as UTF-8 only when its entry is reached, and reports
            // bytes that are not UTF-8 with an unchecked exception.
            throw new UserError(archive + ": corrupt archive: an entry's name is flagged UTF-8 but is not ("
                    + ShownText.of(String.valueOf(e.getMessage()), MAX_SHOWN_CHARS) + ")", e);
        }
    }

    private static String keyOf(String entryName) {
        return entryName.endsWith(SUFFIX) ? entryName.substring(0, entryName.length() - SUFFIX.length()) : entryName;
    }

    private static byte[] entryBytes(ZipFile zip, ZipEntry entry, String source) {
        if (entry.getSize() > MAX_ENTRY_BYTES) {
            throw new UserError(source + ": too large (" + entry.getSize() + " bytes); at most " + MAX_ENTRY_BYTES
                    + " bytes can be read");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (EOFException e) {
            throw new UserError(source + ": truncated: the archive ends inside this entry's data", e);
        } catch (IOException e) {
            throw new UserError(source + ": cannot read the entry: "
                    + ShownText.of(NpyReader.describe(e), MAX_SHOWN_CHARS), e);
        }
        // ZipFile leaves the checksum unchecked, and a flipped bit in a stored entry would
        // otherwise pass for a valid array with one wrong weight.
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new UserError(source + ": corrupt entry: its CRC-32 is " + Long.toHexString(crc.getValue())
                    + " but the archive records " + Long.toHexString(entry.getCrc()));
        }
        return bytes;
    }
}
