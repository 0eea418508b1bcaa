package dev.fgc.verify;

import dev.fgc.UserError;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.CPrefix;
import dev.fgc.emit.FirmwareEmitter;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.load.Dataset;
import dev.fgc.model.Model;
import dev.fgc.pack.Packing;
import dev.fgc.pack.SizeReport;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.device.Board;
import dev.fgc.device.DeviceRun;
import dev.fgc.device.ElfSizes;
import dev.fgc.device.FirmwareRunner;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Toolchain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the verification firmware for a compiled model and a board, runs it in the board's
 * emulator and compares every example's scores with the oracle: the fixed-point reference bit for
 * bit, or the float reference within tolerance.
 */
public final class Verifier {
    private static final String ELF = "fw.elf";
    private final Provisioner provisioner;
    private final HostEnvironment env;
    private final PrintStream log;
    private final boolean terminal;

    public record Options(Board board, CPrefix prefix, Duration timeout, Optional<Path> workDir) {
    }

    public Verifier(Provisioner provisioner, HostEnvironment env, PrintStream log) {
        this(provisioner, env, log, false);
    }

    /** @param terminal whether {@code log} is a terminal, where progress is shown on one line */
    public Verifier(Provisioner provisioner, HostEnvironment env, PrintStream log, boolean terminal) {
        this.provisioner = provisioner;
        this.env = env;
        this.log = log;
        this.terminal = terminal;
    }

    public VerifyReport verify(CompiledModel compiled, Packing packing, Dataset data, Options o) {
        Model model = compiled.model();
        CModelEmitter emitter = new CModelEmitter(model, o.prefix());
        GeneratedFiles modelPackage = emitter.emit(compiled, packing);
        FirmwareEmitter firmware = new FirmwareEmitter(emitter);
        Toolchain toolchain = Toolchain.forBoard(o.board(), provisioner);
        FirmwareRunner runner = FirmwareRunner.forBoard(o.board(), provisioner, env);
        Oracle oracle = new Oracle(compiled);

        Path work = workDir(o.workDir());
        Progress progress = new Progress(log, terminal, data.size(), System::nanoTime);
        try {
            ScoreComparison cmp = new ScoreComparison();
            ElfSizes sizes = null;
            long intervals = 0;
            long counted = 0;
            DeviceRun.Unit unit = DeviceRun.Unit.INSTRUCTIONS;
            long stackPeak = 0;
            List<InputChunks.Chunk> chunks = InputChunks.plan(data.size(), model, o.board(), compiled.inputBytes(),
                    SizeReport.of(compiled, packing).constantBytes());
            for (int k = 0; k < chunks.size(); k++) {
                InputChunks.Chunk chunk = chunks.get(k);
                Path dir = work.resolve(chunks.size() == 1 ? "firmware" : "firmware-" + k);
                new GeneratedFiles().addAll(modelPackage)
                        .addAll(firmware.emit(o.board(), compiled, chunk.size()))
                        .add(FirmwareEmitter.INPUTS_BIN, oracle.inputs(data, chunk.from(), chunk.to()))
                        .writeTo(dir);
                toolchain.link(dir, sources(dir), ELF);
                sizes = toolchain.sizes(dir.resolve(ELF));
                DeviceRun run = runner.run(dir.resolve(ELF), sizes, o.timeout());
                FirmwareOutput out = RunCheck.results(run, chunk.size(), o.board(), model.classes(), dir.resolve(ELF));
                for (FirmwareOutput.DeviceResult r : out.results()) {
                    int i = chunk.from() + r.index();
                    oracle.compare(cmp, i, data, r);
                }
                intervals += run.intervals();
                counted += run.counted();
                unit = run.unit();
                stackPeak = Math.max(stackPeak, out.stackPeak());
                if (progress.terminal()) {
                    progress.done(chunk.to());
                } else if (chunks.size() > 1) {
                    log.printf(Locale.ROOT, "fgc: chunk %d/%d (%d samples) done%n", k + 1, chunks.size(), chunk.size());
                }
            }
            String prefix = o.prefix().lower() + "_";
            // The inputs are left out of the firmware's flash: on Cortex-M they have a section of
            // their own; on AVR they lie in .text, and their symbol gives their size.
            VerifyReport.Sizes s = new VerifyReport.Sizes(
                    sizes.sumSymbols(n -> n.startsWith(prefix) || n.startsWith("fgc_")),
                    sizes.sumConstants(n -> n.startsWith(prefix)), flashSections(sizes),
                    sizes.sections(n -> n.equals(".data") || n.equals(".bss")), stackPeak);
            long perInference = intervals == 0 ? 0 : Math.round((double) counted / intervals);
            VerifyReport.Speed speed = new VerifyReport.Speed(unit, perInference, o.board().clockHz());
            return cmp.report(model.name(), o.board().name(), compiled.precision().label(), s, speed);
        } finally {
            progress.finish();
            if (o.workDir().isEmpty()) {
                GeneratedFiles.deleteTree(work);
            }
        }
    }

    /** The sections the firmware's flash holds, less the embedded examples wherever they lie. */
    private static Map<String, Long> flashSections(ElfSizes sizes) {
        Map<String, Long> flash = sizes.sections(n -> n.equals(".text") || n.equals(".rodata")
                || n.startsWith(".ARM.ex") || n.equals(".init_arrays") || n.equals(".data"));
        sizes.sectionOf(FirmwareEmitter.INPUTS_SYMBOL).filter(flash::containsKey)
                .ifPresent(n -> flash.merge(n, -sizes.symbolSize(FirmwareEmitter.INPUTS_SYMBOL), Long::sum));
        return flash;
    }

    private static List<String> sources(Path dir) {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".c") || n.endsWith(".S"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list the firmware sources (" + e.getMessage() + ")");
        }
    }

    private static Path workDir(Optional<Path> keep) {
        try {
            if (keep.isPresent()) {
                Files.createDirectories(keep.get());
                return keep.get();
            }
            return Files.createTempDirectory("fgc-verify-");
        } catch (IOException e) {
            throw new UserError(keep.map(Path::toString).orElse("temporary folder") + ": cannot create the work"
                    + " folder (" + e.getMessage() + ")");
        }
    }
}
