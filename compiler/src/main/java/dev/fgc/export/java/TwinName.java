package dev.fgc.export.java;

import dev.fgc.UserError;
import dev.fgc.emit.CPrefix;
import javax.lang.model.SourceVersion;

/**
 * Where the Java twin lives: its package (the user's) and its class, named from the model's C
 * prefix ({@code usps} becomes {@code UspsModel}) so the C and Java APIs of one model read alike.
 */
public record TwinName(String packageName, String className) {

    public TwinName {
        if (!SourceVersion.isName(packageName)) {
            throw new UserError("--package '" + packageName + "': not a Java package name (dot-separated"
                    + " identifiers, none of them a keyword, e.g. com.example.model)");
        }
    }

    public static TwinName of(String packageName, CPrefix prefix) {
        StringBuilder name = new StringBuilder();
        for (String part : prefix.lower().split("_+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return new TwinName(packageName, name.append("Model").toString());
    }

    /** The source file's path under the output folder: the package's folders, then Class.java. */
    public String path() {
        return packageName.replace('.', '/') + "/" + className + ".java";
    }

    public String qualified() {
        return packageName + "." + className;
    }
}
