package dev.fgc.export;

import dev.fgc.emit.CPrefix;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.pack.FactorChoice;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.pack.SizeReport;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.device.BoardCatalog;
import dev.fgc.testing.Repo;
import java.util.Optional;

/** The USPS model compiled as the export commands compile it, calibrated on its test rows. */
final class ExportInputs {
    private ExportInputs() {
    }

    static ExportInput usps(String precision) {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.of(null, null));
        Optional<Dataset> data = Optional.of(DatasetLoader.load(Repo.usps().resolve("test.npy"), model));
        CompiledModel compiled = dev.fgc.quantize.PrecisionPlanner.plan(FactorChoice.of(model).apply(),
                Precision.parse(precision), data, 1.0);
        Packing packing = Packing.of(compiled, Layout.Policy.parse("auto"));
        return new ExportInput(compiled, packing, SizeReport.of(compiled, packing), new CPrefix("usps"),
                Optional.of(BoardCatalog.load().defaultBoard()), BuiltInSample.of(model, data), "1.0.0",
                "--precision " + precision + " --calibrate test.npy --prefix usps", Optional.empty());
    }
}
