package dk.eojxds.ingest.load;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an NDJSON file line by line from a byte position and knows the byte position after each
 * line, so that the position committed with a batch is exactly where the next run starts. Only
 * one line is in memory at a time.
 */
final class NdjsonCursor implements Closeable {

    private final InputStream in;
    private long position;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);

    NdjsonCursor(Path file, long position) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(position);
        this.in = new java.io.BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        this.position = position;
    }

    /** Up to {@code max} lines; empty at the end of the file. */
    List<String> next(int max) throws IOException {
        List<String> lines = new ArrayList<>(max);
        while (lines.size() < max) {
            String read = readLine();
            if (read == null) {
                break;
            }
            lines.add(read);
        }
        return lines;
    }

    long position() {
        return position;
    }

    private String readLine() throws IOException {
        line.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            position++;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
