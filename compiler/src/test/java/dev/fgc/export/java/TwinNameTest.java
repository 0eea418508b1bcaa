package dev.fgc.export.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fgc.UserError;
import dev.fgc.emit.CPrefix;
import org.junit.jupiter.api.Test;

class TwinNameTest {
    @Test
    void classIsNamedFromTheCPrefix() {
        assertEquals("UspsModel", TwinName.of("a.b", new CPrefix("usps")).className());
        assertEquals("EdgemlUspsV2Model", TwinName.of("a.b", CPrefix.fromName("edgeml-usps v2")).className());
        assertEquals("M2digitsModel", TwinName.of("a.b", CPrefix.fromName("2digits")).className());
    }

    @Test
    void fileGoesUnderThePackagesFolders() {
        TwinName n = TwinName.of("com.example.har", new CPrefix("har"));
        assertEquals("com/example/har/HarModel.java", n.path());
        assertEquals("com.example.har.HarModel", n.qualified());
    }

    @Test
    void keywordsAndNonIdentifiersAreNotPackages() {
        for (String bad : new String[] {"com.example.int", "com.2x", "com.", ".com", "com-x", "", "a b"}) {
            UserError e = assertThrows(UserError.class, () -> TwinName.of(bad, new CPrefix("m")));
            assertEquals("--package '" + bad + "': not a Java package name (dot-separated identifiers, none of them"
                    + " a keyword, e.g. com.example.model)", e.getMessage());
        }
    }
}
