package dev.fgc.export.java;

import java.util.Locale;

/** Java names of the model's tensors and buffers: constants upper case, buffers lower camel case. */
final class Names {
    private Names() {
    }

    /** {@code inv_std} becomes {@code INV_STD}, {@code FCbias} {@code FCBIAS}. */
    static String constant(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /** {@code w_low_acc} becomes {@code wLowAcc}. */
    static String buffer(String name) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : name.toCharArray()) {
            if (ch == '_') {
                up = b.length() > 0;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }
}
