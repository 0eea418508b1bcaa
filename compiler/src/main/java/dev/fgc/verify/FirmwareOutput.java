package dev.fgc.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * What the verification firmware printed: per example "S index class hex…", then "STACK bytes"
 * and "DONE count". Anything else, or a missing DONE, means the firmware went wrong.
 */
record FirmwareOutput(List<DeviceResult> results, long stackPeak, boolean complete) {

    /** One example as the device computed it: its class and each score's raw 32 bits. */
    record DeviceResult(int index, int predicted, int[] bits) {
    }

    static FirmwareOutput parse(String stdout, int classes) {
        List<DeviceResult> results = new ArrayList<>();
        long stack = -1;
        boolean done = false;
        for (String line : stdout.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == classes + 3 && f[0].equals("S")) {
                int[] s = new int[classes];
                for (int c = 0; c < classes; c++) {
                    s[c] = (int) Long.parseLong(f[c + 3], 16);
                }
                results.add(new DeviceResult(Integer.parseInt(f[1]), Integer.parseInt(f[2]), s));
            } else if (f.length == 2 && f[0].equals("STACK")) {
                stack = Long.parseLong(f[1]);
            } else if (f.length == 2 && f[0].equals("DONE")) {
                done = Long.parseLong(f[1]) == results.size();
            }
        }
        return new FirmwareOutput(results, stack, done);
    }
}
