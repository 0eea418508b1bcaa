package dev.fgc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import dev.fgc.verify.VerifyReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    private static BenchRow row(String board, String precision, DeviceRun.Unit unit, long perInference, long clock,
                                int matched, long flash, long ram) {
        VerifyReport r = new VerifyReport("usps", board, precision, 10, matched,
                Optional.of(new VerifyReport.Accuracy(1, 1, 0.9)), 1, 0, 0,
                new VerifyReport.Sizes(7_000, 2_072, Map.of(".text", flash), Map.of(".bss", 200L), ram - 200),
                new VerifyReport.Speed(unit, perInference, clock), List.of(), List.of(), List.of(),
                VerifyReport.PerSample.NONE, Optional.empty(),
                Optional.empty());
        return new BenchRow("auto", 9_280, r);
    }

    private static final BenchRow CORTEX = row("mps2-an386", "int8", DeviceRun.Unit.INSTRUCTIONS, 49_484,
            25_000_000, 10, 15_092, 800);
    private static final BenchRow AVR = row("arduino-uno", "int16", DeviceRun.Unit.CYCLES, 676_246, 16_000_000,
            10, 8_362, 424);

    @Test
    void alignedColumnsWithThousandsSeparators() {
        assertEquals("""
                model  board        precision  layout  per inference  unit             ms   MACs  per MAC  flash B  RAM B  matched
                usps   mps2-an386   int8       auto           49,484  instructions   1.98  9,280     5.33   15,092    800  10/10
                usps   arduino-uno  int16      auto          676,246  cycles        42.27  9,280    72.87    8,362    424  10/10
                ms at the board's clock (Cortex-M: one instruction a cycle); MACs: multiply-accumulates an inference executes
                PASSED: every sample of every row matched the Java reference
                """, new BenchTable(List.of(CORTEX, AVR)).text());
    }

    @Test
    void aRowThatDisagreesFailsTheTable() {
        BenchTable t = new BenchTable(List.of(CORTEX, row("arduino-uno", "int8", DeviceRun.Unit.CYCLES, 381_952,
                16_000_000, 9, 9_818, 393)));
        assertFalse(t.passed());
        assertTrue(t.text().contains(" 9/10\n"), t.text());
        assertTrue(t.text().endsWith("FAILED: the device disagrees with the reference in 1 of 2 rows\n"), t.text());
        assertTrue(t.toJson().endsWith("\"passed\": false\n}\n"), t.toJson());
    }

    @Test
    void jsonHasTheSameFiguresPerRow() {
        assertEquals("""
                {
                  "rows": [
                    {
                      "model": "usps",
                      "board": "mps2-an386",
                      "precision": "int8",
                      "layout": "auto",
                      "samples": 10,
                      "matched": 10,
                      "deviceAccuracy": 0.9,
                      "agreement": 1,
                      "instructionsPerInference": 49484,
                      "clockHz": 25000000,
                      "millisecondsPerInference": 1.979,
                      "macsPerInference": 9280,
                      "instructionsPerMac": 5.33,
                      "flashBytes": 15092,
                      "ramBytes": 800,
                      "passed": true
                    },
                    {
                      "model": "usps",
                      "board": "arduino-uno",
                      "precision": "int16",
                      "layout": "auto",
                      "samples": 10,
                      "matched": 10,
                      "deviceAccuracy": 0.9,
                      "agreement": 1,
                      "cyclesPerInference": 676246,
                      "clockHz": 16000000,
                      "millisecondsPerInference": 42.265,
                      "macsPerInference": 9280,
                      "cyclesPerMac": 72.87,
                      "flashBytes": 8362,
                      "ramBytes": 424,
                      "passed": true
                    }
                  ],
                  "passed": true
                }
                """, new BenchTable(List.of(CORTEX, AVR)).toJson());
    }
}
