package dev.servicekit.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Just enough of the tar format for a package tarball: names, sizes, contents. */
public final class TarReader {
    public record Entry(String name, byte[] content) {}

    private final InputStream in;

    public TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end. */
    public Entry next() throws IOException {
        byte[] header = in.readNBytes(512);
        if (header.length < 512 || header[0] == 0) {
            return null;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        long size = Long.parseLong(text(header, 124, 12).trim(), 8);
        byte[] content = in.readNBytes((int) size);
        in.readNBytes((int) ((512 - size % 512) % 512));
        return new Entry(prefix.isEmpty() ? name : prefix + "/" + name, content);
    }

    private static String text(byte[] bytes, int from, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < from + length && bytes[i] != 0; i++) {
            out.write(bytes[i]);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
