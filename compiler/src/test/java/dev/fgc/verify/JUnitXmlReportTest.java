package dev.fgc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlReportTest {
    @Test
    void oneCasePerSampleWithFailuresForMismatches() throws Exception {
        VerifyReport r = new VerifyReport("m<&>", "mps2-an386", "int8", 3, 2, Optional.empty(), 1, 0, 0,
                new VerifyReport.Sizes(1, 3, Map.of(".text", 2L), Map.of(".bss", 4L), 5),
                new VerifyReport.Speed(DeviceRun.Unit.INSTRUCTIONS, 6, 25_000_000), List.of(1), List.of(0, 2, 1), List.of(),
                VerifyReport.PerSample.NONE, Optional.empty(),
                Optional.empty());
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(JUnitXmlReport.of(r).getBytes(StandardCharsets.UTF_8)));
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("fgc verify m<&> on mps2-an386 (int8)", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals(4, d.getElementsByTagName("testcase").getLength());
        Element failure = (Element) d.getElementsByTagName("failure").item(1);
        assertEquals("sample 1: the device's scores differ from the reference (device class 2)",
                failure.getAttribute("message"));
        assertTrue(d.getElementsByTagName("system-out").item(0).getTextContent().contains("FAILED"));
    }
}
