package io.windbell.scoring.rollup;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * The duration sketches of the rollups: HdrHistograms of milliseconds with {@value #SIGNIFICANT_DIGITS} significant
 * decimal digits, stored in their compressed encoding. Two histograms merge exactly (bucket counts add), so a week's
 * percentiles are those of its days' events. A recorded value is known to within 1% of itself ({@code 10^-2}): a
 * percentile read from a sketch is within 1% of a value of the sample at that rank (HdrHistogram reports the highest
 * value equivalent to the bucket, so the error is one-sided upwards).
 */
public final class Sketches {

    public static final int SIGNIFICANT_DIGITS = 2;
    /** The relative error bound that follows from {@link #SIGNIFICANT_DIGITS}. */
    public static final double RELATIVE_ERROR = 0.01;

    private Sketches() {
    }

    /** An empty sketch that grows to any duration. */
    public static Histogram empty() {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        return histogram;
    }

    public static byte[] encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** Adds the stored sketch {@code bytes} (if any) into {@code into}. */
    public static void addEncoded(Histogram into, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        try {
            into.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored duration sketch does not decode", e);
        }
    }

    /** The value at a percentile (0..100) of the sketch, {@code NaN} when it is empty. */
    public static double percentile(Histogram histogram, double percentile) {
        return histogram == null || histogram.getTotalCount() == 0 ? Double.NaN
                : histogram.getValueAtPercentile(percentile);
    }
}
