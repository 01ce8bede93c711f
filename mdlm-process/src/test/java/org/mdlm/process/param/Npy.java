package org.mdlm.process.param;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A minimal reader for little-endian, C-order NumPy {@code .npy} files ({@code <f4}, {@code <f8},
 * {@code <i4}, {@code <i8}), enough for the parity fixtures.
 *
 * @param shape the array's shape ({@code []} for a 0-d array)
 * @param data the values in C order, widened to double
 */
record Npy(long[] shape, double[] data) {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    static Npy read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buf.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + " is not a .npy file");
        }
        int major = buf.get();
        buf.get();
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        byte[] header = new byte[headerLen];
        buf.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, h, file);
        if (find(FORTRAN, h, file).equals("True")) {
            throw new IOException(file + ": Fortran order not supported");
        }
        String dims = find(SHAPE, h, file).trim();
        long[] shape = dims.isEmpty() ? new long[0]
                : Arrays.stream(dims.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1L, (a, b) -> a * b));
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = switch (descr) {
                case "<f4" -> buf.getFloat();
                case "<f8" -> buf.getDouble();
                case "<i4" -> buf.getInt();
                case "<i8" -> buf.getLong();
                default -> throw new IOException(file + ": unsupported dtype " + descr);
            };
        }
        return new Npy(shape, data);
    }

    private static String find(Pattern p, String header, Path file) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": bad header " + header);
        }
        return m.group(1);
    }

    /** The value at a C-order flat index. */
    double at(int flat) {
        return data[flat];
    }

    INDArray toFloat() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return Nd4j.createFromArray(f).reshape(shape).castTo(DataType.FLOAT);
    }

    INDArray toInt() {
        int[] v = new int[data.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.toIntExact((long) data[i]);
        }
        return Nd4j.createFromArray(v).reshape(shape);
    }
}
