package dev.fgc.verify;

import dev.fgc.load.Dataset;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.reference.FixedReference;
import dev.fgc.reference.FloatReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The host's side of the comparison: the float reference, and the fixed-point one when quantized.
 * Serves every way of reaching the device (firmware with embedded inputs, hardware in the loop).
 */
final class Oracle {
    private final FloatReference floatRef;
    private final Optional<FixedReference> fixedRef;

    Oracle(CompiledModel compiled) {
        floatRef = new FloatReference(compiled.model());
        fixedRef = compiled.plan().map(FixedReference::new);
    }

    /** Examples {@code from} (inclusive) to {@code to} as the device receives them: float32 or q15, little-endian. */
    byte[] inputs(Dataset data, int from, int to) {
        int features = data.features(0).length;
        ByteBuffer b = ByteBuffer.allocate((to - from) * features * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            write(b, data.features(i));
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private void write(ByteBuffer b, double[] features) {
        if (fixedRef.isPresent()) {
            for (int q : fixedRef.get().quantizeInputs(features)) {
                b.putShort((short) q);
            }
        } else {
            for (double f : features) {
                b.putFloat((float) f);
            }
        }
    }

    void compare(ScoreComparison cmp, int i, Dataset data, FirmwareOutput.DeviceResult device) {
        double[] features = data.features(i);
        double[] floatScores = floatRef.scores(features);
        int floatClass = FloatReference.argmax(floatScores);
        double[] deviceReal = new double[floatScores.length];
        if (fixedRef.isPresent()) {
            FixedReference ref = fixedRef.get();
            int[] expected = ref.scores(ref.quantizeInputs(features));
            double scale = Math.pow(2, ref.plan().scores().frac());
            for (int c = 0; c < deviceReal.length; c++) {
                deviceReal[c] = device.bits()[c] / scale;
            }
            cmp.add(i, Arrays.equals(expected, device.bits()), FixedReference.argmax(expected),
                    floatClass, floatScores, device.predicted(), deviceReal, device.bits(), data.label(i));
        } else {
            boolean all = true;
            for (int c = 0; c < deviceReal.length; c++) {
                deviceReal[c] = Float.intBitsToFloat(device.bits()[c]);
                all &= ScoreCheck.floatMatches(deviceReal[c], floatScores[c]);
            }
            cmp.add(i, all, floatClass, floatClass, floatScores, device.predicted(), deviceReal, device.bits(),
                    data.label(i));
        }
    }
}
