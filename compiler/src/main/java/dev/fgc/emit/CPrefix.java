package dev.fgc.emit;

import dev.fgc.UserError;
import java.util.Locale;
import java.util.regex.Pattern;

/** The identifier prefix of a generated model's C symbols ({@code usps_step}, {@code USPS_TIMESTEPS}). */
public record CPrefix(String lower) {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    public CPrefix {
        if (!VALID.matcher(lower).matches() || lower.startsWith("fgc_") || lower.endsWith("_")) {
            throw new UserError("prefix '" + lower + "': expected a lower-case C identifier of at most 31"
                    + " characters, starting with a letter, not ending in '_' and not starting with 'fgc_'"
                    + " (reserved for the runtime)");
        }
    }

    /** A valid prefix derived from a model's name: {@code edgeml-usps} becomes {@code edgeml_usps}. */
    public static CPrefix fromName(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "m_" + s;
        }
        if (s.startsWith("fgc_")) {
            s = "m_" + s;
        }
        s = s.length() > 31 ? s.substring(0, 31) : s;
        return new CPrefix(s.replaceAll("_+$", ""));
    }

    public String upper() {
        return lower.toUpperCase(Locale.ROOT);
    }

    public String symbol(String name) {
        return lower + "_" + name;
    }
}
