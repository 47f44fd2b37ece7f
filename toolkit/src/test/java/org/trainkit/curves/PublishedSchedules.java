package org.trainkit.curves;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.Schedules;

/**
 * The learning-rate schedules of the multi-power-law data (Luo et al. 2025) as described in
 * REFERENCES.md section 1: a linear warmup {@code lr[t] = 3e-4 t / 2159} over the first 2160 steps,
 * then cosine_T (3e-4 to 3e-5 at step T), constant_T, wsd_20000_24000 (geometric decay over
 * 20000..24000), wsdld_20000_24000 (linear decay there), wsdcon_X (3e-4 until step 8000, then
 * X * 1e-5 until step 16000). Test code only: the schedules package is someone else's.
 */
final class PublishedSchedules {

    static final double PEAK = 3e-4;
    static final double MIN = 3e-5;
    static final int WARMUP = 2160;
    static final List<String> TRAIN = List.of("cosine_24000", "constant_24000", "wsdcon_9");
    static final List<String> TEST = List.of("cosine_72000", "constant_72000", "wsd_20000_24000",
            "wsdld_20000_24000", "wsdcon_3", "wsdcon_18");

    private PublishedSchedules() {
    }

    /** The data directory, found from the module or the repository root. */
    static Path dataDir() {
        for (Path candidate : List.of(Path.of("../data/mpl-loss-curves"), Path.of("data/mpl-loss-curves"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("data/mpl-loss-curves not found from " + Path.of("").toAbsolutePath());
    }

    /** The schedule a curve of the published data was trained with. */
    static Schedule of(String curve) {
        String[] parts = curve.split("_");
        int total = switch (parts[0]) {
            case "cosine", "constant" -> Integer.parseInt(parts[1]);
            case "wsdcon" -> 16000;
            default -> 24000;
        };
        double[] lr = new double[total];
        for (int t = 0; t < total; t++) {
            lr[t] = switch (parts[0]) {
                case "cosine" -> MIN + (PEAK - MIN) * (1 + Math.cos(Math.PI * (t - WARMUP) / (total - WARMUP))) / 2;
                case "constant" -> PEAK;
                case "wsd" -> Math.pow(PEAK, 1 - decay(t)) * Math.pow(MIN, decay(t));
                case "wsdld" -> PEAK + (MIN - PEAK) * decay(t);
                case "wsdcon" -> t < 8000 ? PEAK : Integer.parseInt(parts[1]) * 1e-5;
                default -> throw new IllegalArgumentException(curve);
            };
        }
        for (int t = 0; t < WARMUP; t++) {
            lr[t] = PEAK * t / (WARMUP - 1);
        }
        return Schedules.of(lr);
    }

    private static double decay(int t) {
        return Math.min(1, Math.max(0, (t - 20000) / 4000.0));
    }

    /** A curve of the published data with its exact schedule attached. */
    static LossCurve curve(String model, String name) {
        return LossCurves.readCsv(dataDir().resolve(model).resolve(name + ".csv")).withSchedule(of(name));
    }

    static List<LossCurve> curves(String model, List<String> names) {
        return names.stream().map(n -> curve(model, n)).toList();
    }
}
