package org.chemoadvisor.bulk;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the split pass writes each part's lines: a list per part and splitting thread, one entry per
 * line ({@code kind, segment, line number in the segment, length, offset}; offset -1 when the line's
 * bytes follow, copied from a gzipped file that cannot be read by offset). A part's lists are read
 * merged in segment order, which is input order: the segments of the input are handed to the
 * threads in order, so each list is in segment order and a segment is in one list only.
 */
final class PartLists {

    static final byte CLAIM = 'C';
    static final byte SUPPORTING = 'S';

    /**
     * A run of lines of one input file, split by one thread.
     *
     * @param firstLine the number of its first line in the file, known once every segment is split
     */
    record Segment(Path file, long from, long to, boolean claims, boolean copied, long firstLine) {

        Segment numberedFrom(long line) {
            return new Segment(file, from, to, claims, copied, line);
        }
    }

    /**
     * One thread's lists, one per part and one for the shared lines, each buffered in memory and
     * appended to its file when the buffer is full: thousands of parts need not hold thousands of
     * files open (a process may open only so many).
     */
    static final class Writer implements Closeable {

        private static final int BUFFER = 4 << 10;
        private static final int ENTRY = 1 + Integer.BYTES + Long.BYTES + Integer.BYTES + Long.BYTES;

        private final Path dir;
        private final String name;
        private final ByteBuffer[] buffers;
        private final Path[] files;

        Writer(Path dir, int thread, int parts) {
            this.dir = dir;
            this.name = "-" + thread + ".bin";
            this.buffers = new ByteBuffer[parts + 1];
            this.files = new Path[parts + 1];
        }

        /** Writes the entry of a line to part {@code part} (-1: the lines every part is given). */
        void write(int part, byte kind, int segment, long number, byte[] bytes, int from, int to, long offset)
                throws IOException {
            int list = part + 1;
            if (buffers[list] == null) {
                files[list] = dir.resolve((part < 0 ? "shared" : "part-" + part) + name);
                buffers[list] = ByteBuffer.allocate(BUFFER);
            }
            ByteBuffer buffer = buffers[list];
            int copied = offset < 0 ? to - from : 0;
            if (buffer.remaining() < ENTRY + copied) {
                append(list, null, 0, 0);
            }
            buffer.put(kind).putInt(segment).putLong(number).putInt(to - from).putLong(offset);
            if (copied > buffer.remaining()) {
                append(list, bytes, from, copied); // a line longer than the buffer goes straight after its entry
            } else if (copied > 0) {
                buffer.put(bytes, from, copied);
            }
        }

        private void append(int list, byte[] bytes, int from, int length) throws IOException {
            ByteBuffer buffer = buffers[list].flip();
            try (FileChannel out = FileChannel.open(files[list], StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                ByteBuffer line = bytes == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes, from, length);
                while (line.hasRemaining()) {
                    out.write(line);
                }
            }
            buffer.clear();
        }

        /** The list of part {@code part} (-1: the shared lines), or null when it got no line. */
        Path list(int part) {
            return files[part + 1];
        }

        @Override
        public void close() throws IOException {
            for (int list = 0; list < buffers.length; list++) {
                if (buffers[list] != null && buffers[list].position() > 0) {
                    append(list, null, 0, 0);
                }
            }
        }
    }

    private PartLists() {
    }

    /** The lines of {@code kind} in the lists, in input order, read from the input where they are not copied. */
    static void read(List<Path> lists, byte kind, List<Segment> segments, NdjsonInputs.LineHandler handler,
            AtomicLong read) throws IOException {
        List<Cursor> cursors = new ArrayList<>();
        FileChannel[] channels = new FileChannel[segments.size()];
        try {
            for (Path list : lists) {
                Cursor cursor = new Cursor(list);
                cursors.add(cursor);
            }
            for (Cursor next = first(cursors); next != null; next = first(cursors)) {
                if (next.kind != kind) {
                    next.in.skipNBytes(next.offset < 0 ? next.length : 0);
                } else {
                    Segment segment = segments.get(next.segment);
                    byte[] bytes = new byte[next.length];
                    if (next.offset < 0) {
                        next.in.readFully(bytes);
                    } else {
                        if (channels[next.segment] == null) {
                            channels[next.segment] = FileChannel.open(segment.file(), StandardOpenOption.READ);
                        }
                        readFully(channels[next.segment], bytes, next.offset);
                    }
                    read.addAndGet(next.length + 1);
                    handler.line(new NdjsonInputs.Line(segment.file(), segment.firstLine() - 1 + next.number, bytes));
                }
                next.advance();
            }
        } finally {
            for (Cursor cursor : cursors) {
                cursor.in.close();
            }
            for (FileChannel channel : channels) {
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }

    /** The cursor whose entry comes first in the input (the lowest segment), or null when all are done. */
    private static Cursor first(List<Cursor> cursors) {
        Cursor first = null;
        for (Cursor cursor : cursors) {
            if (cursor.kind >= 0 && (first == null || cursor.segment < first.segment)) {
                first = cursor;
            }
        }
        return first;
    }

    private static void readFully(FileChannel channel, byte[] bytes, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new EOFException(offset + ": the input file changed while it was reviewed");
            }
        }
    }

    /** The entry a list is at; {@code kind} is -1 at its end. */
    private static final class Cursor {
        final DataInputStream in;
        int kind;
        int segment;
        long number;
        int length;
        long offset;

        Cursor(Path list) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(list), 1 << 16));
            advance();
        }

        void advance() throws IOException {
            kind = in.read();
            if (kind >= 0) {
                segment = in.readInt();
                number = in.readLong();
                length = in.readInt();
                offset = in.readLong();
            }
        }
    }
}
