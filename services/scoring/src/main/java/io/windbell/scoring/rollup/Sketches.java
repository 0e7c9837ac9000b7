package io.windbell.scoring.rollup;

import java.nio.ByteBuffer;

import org.HdrHistogram.Histogram;

/**
 * The duration sketches of the rollups: HdrHistograms of milliseconds with {@value #SIGNIFICANT_DIGITS} significant
 * decimal digits, stored in HdrHistogram's plain V2 encoding (LEB128 counts with zero runs folded: a few hundred bytes;
 * the "compressed" encoding adds a Deflater pass that a profile of the touchpoint fold put at 13% of its CPU for little
 * gain on such small arrays). Two histograms merge exactly (bucket counts add), so a week's percentiles are those of
 * its days' events. A recorded value is known to within 1% of itself ({@code 10^-2}): a percentile read from a sketch
 * is within 1% of a value of the sample at that rank (HdrHistogram reports the highest value equivalent to the bucket,
 * so the error is one-sided upwards).
 */
public final class Sketches {

    public static final int SIGNIFICANT_DIGITS = 2;
    /** The relative error bound that follows from {@link #SIGNIFICANT_DIGITS}. */
    public static final double RELATIVE_ERROR = 0.01;

    /** One encoding buffer per consumer thread: a batch encodes thousands of sketches. */
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1 << 16));

    private Sketches() {
    }

    /** An empty sketch that grows to any duration. */
    public static Histogram empty() {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        return histogram;
    }

    public static byte[] encode(Histogram histogram) {
        int needed = histogram.getNeededByteBufferCapacity();
        ByteBuffer buffer = BUFFER.get();
        if (buffer.capacity() < needed) {
            buffer = ByteBuffer.allocate(Math.max(needed, 2 * buffer.capacity()));
            BUFFER.set(buffer);
        }
        buffer.clear();
        int length = histogram.encodeIntoByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** Adds the stored sketch {@code bytes} (if any) into {@code into}. */
    public static void addEncoded(Histogram into, byte[] bytes) {
        if (bytes != null) {
            into.add(decode(bytes));
        }
    }

    /** A stored sketch. */
    public static Histogram decode(byte[] bytes) {
        try {
            return Histogram.decodeFromByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored duration sketch does not decode", e);
        }
    }

    /** The value at a percentile (0..100) of the sketch, {@code NaN} when it is empty. */
    public static double percentile(Histogram histogram, double percentile) {
        return histogram == null || histogram.getTotalCount() == 0 ? Double.NaN
                : histogram.getValueAtPercentile(percentile);
    }
}
