package org.trainkit.curves;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.Schedules;

/**
 * The published multi-power-law data (Luo et al., ICLR 2025, arXiv 2503.12811; MIT licence; see
 * REFERENCES.md section 1) as curves with their exact per-step schedules: a linear warmup
 * {@code lr[t] = 3e-4 t / 2159} over the first 2160 steps, then cosine_T (3e-4 to 3e-5 at step T,
 * {@code 3e-5 + 2.7e-4 (1 + cos(pi (t - 2160) / (T - 2160))) / 2}), constant_T, wsd_20000_24000
 * (geometric decay over steps 20000..24000), wsdld_20000_24000 (linear decay there), wsdcon_X
 * (3e-4 until step 8000, then X * 1e-5 until step 16000). With these schedules the published
 * parameters reproduce the published PredE and WorstE (the golden test); interpolating the CSV
 * files' {@code lr} column does not (it smears the drops between logged rows).
 *
 * <pre>{@code
 * List<LossCurve> train = MplData.curves(dir.resolve("100M"), MplData.TRAIN);
 * MultiPowerLaw published = MplData.published("100M");
 * }</pre>
 */
public final class MplData {

    /** The train curves of the paper. */
    public static final List<String> TRAIN = List.of("cosine_24000", "constant_24000", "wsdcon_9");
    /** The test curves of the paper. */
    public static final List<String> TEST = List.of("cosine_72000", "constant_72000", "wsd_20000_24000",
            "wsdld_20000_24000", "wsdcon_3", "wsdcon_18");

    private static final double PEAK = 3e-4;
    private static final double MIN = 3e-5;
    private static final int WARMUP = 2160;

    private MplData() {
    }

    /**
     * The exact per-step schedule of a published curve.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link #TRAIN} or {@link #TEST}
     */
    public static Schedule schedule(String curve) {
        if (!TRAIN.contains(curve) && !TEST.contains(curve)) {
            throw new IllegalArgumentException("not a published curve: " + curve + "; expected one of " + TRAIN + " or "
                    + TEST);
        }
        String[] parts = curve.split("_");
        String kind = parts[0];
        int total = kind.equals("cosine") || kind.equals("constant") ? Integer.parseInt(parts[1])
                : kind.equals("wsdcon") ? 16000 : 24000;
        double[] lr = new double[total];
        for (int t = 0; t < total; t++) {
            double decay = Math.min(1, Math.max(0, (t - 20000) / 4000.0));
            if (t < WARMUP) {
                lr[t] = PEAK * t / (WARMUP - 1);
            } else if (kind.equals("cosine")) {
                lr[t] = MIN + (PEAK - MIN) * (1 + Math.cos(Math.PI * (t - WARMUP) / (total - WARMUP))) / 2;
            } else if (kind.equals("constant")) {
                lr[t] = PEAK;
            } else if (kind.equals("wsd")) {
                lr[t] = Math.pow(PEAK, 1 - decay) * Math.pow(MIN, decay);
            } else if (kind.equals("wsdld")) {
                lr[t] = PEAK + (MIN - PEAK) * decay;
            } else {
                lr[t] = t < 8000 ? PEAK : Integer.parseInt(parts[1]) * 1e-5;
            }
        }
        return Schedules.of(lr);
    }

    /** A published curve read from {@code modelDirectory/name.csv} with its exact schedule attached. */
    public static LossCurve curve(Path modelDirectory, String name) {
        return LossCurves.readCsv(modelDirectory.resolve(name + ".csv")).withSchedule(schedule(name));
    }

    /** Several published curves, in order. */
    public static List<LossCurve> curves(Path modelDirectory, List<String> names) {
        return names.stream().map(n -> curve(modelDirectory, n)).toList();
    }

    /** The published parameters of the 25M or 100M model (REFERENCES.md section 1). */
    public static MultiPowerLaw published(String model) {
        Map<String, double[]> table = Map.of(
                "25M", new double[] {3.04045406, 0.52468604, 0.50786857, 363.78751622, 2.06560812, 0.58279013, 0.64142257},
                "100M", new double[] {2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644});
        double[] p = table.get(model);
        if (p == null) {
            throw new IllegalArgumentException("no published parameters for " + model + "; expected 25M or 100M");
        }
        return new MultiPowerLaw(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
    }

    /** The published parameters as values of {@link LawForm#multiPower()}'s parameters, in order. */
    public static double[] publishedValues(String model) {
        return published(model).params().values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
