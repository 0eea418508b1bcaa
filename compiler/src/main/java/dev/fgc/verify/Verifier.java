package dev.fgc.verify;

import dev.fgc.DeviceFailure;
import dev.fgc.UserError;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.CPrefix;
import dev.fgc.emit.FirmwareEmitter;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.load.Dataset;
import dev.fgc.model.Model;
import dev.fgc.quantize.Precision;
import dev.fgc.reference.FloatReference;
import dev.fgc.target.ArmToolchain;
import dev.fgc.target.Board;
import dev.fgc.target.ElfSizes;
import dev.fgc.target.HostEnvironment;
import dev.fgc.target.Provisioner;
import dev.fgc.target.QemuEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds the verification firmware for a model and board, runs it in the board's emulator and
 * compares every example's scores with the Java reference.
 */
public final class Verifier {
    private static final String ELF = "fw.elf";
    private final Provisioner provisioner;
    private final HostEnvironment env;
    private final PrintStream log;

    public record Options(Board board, Precision precision, CPrefix prefix, Duration timeout,
                          Optional<Path> workDir) {
    }

    public Verifier(Provisioner provisioner, HostEnvironment env, PrintStream log) {
        this.provisioner = provisioner;
        this.env = env;
        this.log = log;
    }

    public VerifyReport verify(Model model, Dataset data, Options o) {
        Precision.requireSupported(o.precision());
        CModelEmitter emitter = new CModelEmitter(model, o.prefix());
        GeneratedFiles modelPackage = emitter.emit(o.precision());
        FirmwareEmitter firmware = new FirmwareEmitter(emitter);
        ArmToolchain toolchain = new ArmToolchain(o.board(), provisioner);
        QemuEmulator emulator = new QemuEmulator(o.board(), provisioner, env);
        FloatReference reference = new FloatReference(model);

        Path work = workDir(o.workDir());
        try {
            ScoreComparison cmp = new ScoreComparison(o.precision());
            ElfSizes sizes = null;
            long intervals = 0;
            long instructions = 0;
            long stackPeak = 0;
            List<InputChunks.Chunk> chunks = InputChunks.plan(data.size(), model, o.board(), Float.BYTES);
            for (int k = 0; k < chunks.size(); k++) {
                InputChunks.Chunk chunk = chunks.get(k);
                Path dir = work.resolve(chunks.size() == 1 ? "firmware" : "firmware-" + k);
                new GeneratedFiles().addAll(modelPackage)
                        .addAll(firmware.emit(o.board(), o.precision(), chunk.size()))
                        .add(FirmwareEmitter.INPUTS_BIN, inputs(data, chunk))
                        .writeTo(dir);
                toolchain.link(dir, sources(dir), FirmwareEmitter.LINKER_SCRIPT, ELF);
                sizes = ElfSizes.read(toolchain.size(), toolchain.nm(), dir.resolve(ELF));
                QemuEmulator.Run run = emulator.run(dir.resolve(ELF), sizes.address(FirmwareEmitter.MARK_BEGIN),
                        sizes.address(FirmwareEmitter.MARK_END), o.timeout());
                FirmwareOutput out = checkRun(run, chunk, o.board(), model.classes(), dir.resolve(ELF));
                for (FirmwareOutput.DeviceResult r : out.results()) {
                    int i = chunk.from() + r.index();
                    cmp.add(i, reference.scores(data.features(i)), r, data.label(i));
                }
                intervals += run.intervals();
                instructions += run.instructions();
                stackPeak = Math.max(stackPeak, out.stackPeak());
                if (chunks.size() > 1) {
                    log.printf("fgc: chunk %d/%d (%d samples) done%n", k + 1, chunks.size(), chunk.size());
                }
            }
            String prefix = o.prefix().lower() + "_";
            long flashModel = sizes.sumSymbols(s -> s.startsWith(prefix) || s.startsWith("fgc_"));
            long flashTotal = sizes.sumSections(s -> s.equals(".text") || s.startsWith(".ARM.ex")
                    || s.equals(".init_arrays") || s.equals(".data"));
            long ramStatic = sizes.section(".data") + sizes.section(".bss");
            long perInference = intervals == 0 ? 0 : Math.round((double) instructions / intervals);
            return new VerifyReport(model.name(), o.board().name(), o.precision().label(), cmp.samples(),
                    cmp.matched(), cmp.referenceAccuracy(), cmp.deviceAccuracy(), cmp.agreement(),
                    cmp.maxAbsError(), flashModel, flashTotal, ramStatic, stackPeak, perInference,
                    cmp.mismatches(), cmp.predictions());
        } finally {
            if (o.workDir().isEmpty()) {
                GeneratedFiles.deleteTree(work);
            }
        }
    }

    private static FirmwareOutput checkRun(QemuEmulator.Run run, InputChunks.Chunk chunk, Board board, int classes,
                                           Path elf) {
        FirmwareOutput out = FirmwareOutput.parse(run.stdout(), classes);
        if (run.exitCode() == 0 && out.complete() && out.results().size() == chunk.size()) {
            return out;
        }
        String why = run.exitCode() == 99 ? "the processor faulted (" + run.stderr().strip() + ")"
                : "exit code " + run.exitCode() + (run.stderr().isBlank() ? "" : ": " + run.stderr().strip());
        throw new DeviceFailure(elf + ": the firmware stopped after " + out.results().size() + " of "
                + chunk.size() + " examples on board " + board.name() + ": " + why);
    }

    private static byte[] inputs(Dataset data, InputChunks.Chunk chunk) {
        int features = data.features(0).length;
        ByteBuffer b = ByteBuffer.allocate(chunk.size() * features * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = chunk.from(); i < chunk.to(); i++) {
            for (double f : data.features(i)) {
                b.putFloat((float) f);
            }
        }
        return b.array();
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
