package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schedules of the multi-power-law data (Luo et al., arXiv 2503.12811; REFERENCES.md section 1),
 * written in the text form, reproduce the logged {@code lr} column of every curve. The matching
 * convention: decay progress s = (t - D) / (total - D), so a decay reaches its final rate at step
 * total (one past the last step), and the piecewise knot at 8000 applies from step 8000 on.
 */
class MplScheduleGoldenTest {

    private static final Path DATA = Path.of("..", "data", "mpl-loss-curves");

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
        "100M|cosine_24000|cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)",
        "100M|cosine_72000|cosine(peak=3e-4, final=3e-5, warmup=2160, total=72000)",
        "100M|constant_24000|constant(peak=3e-4, warmup=2160, total=24000)",
        "100M|constant_72000|constant(peak=3e-4, warmup=2160, total=72000)",
        "100M|wsd_20000_24000|wsd(peak=3e-4, final=3e-5, warmup=2160, total=24000, decay_start=20000, shape=exp)",
        "100M|wsdld_20000_24000|wsd(peak=3e-4, final=3e-5, warmup=2160, total=24000, decay_start=20000, "
                + "shape=linear)",
        "100M|wsdcon_3|piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:3e-5], interp=constant)",
        "100M|wsdcon_9|piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:9e-5], interp=constant)",
        "100M|wsdcon_18|piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:1.8e-4], interp=constant)",
        "25M|cosine_24000|cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)",
        "25M|cosine_72000|cosine(peak=3e-4, final=3e-5, warmup=2160, total=72000)",
        "25M|constant_24000|constant(peak=3e-4, warmup=2160, total=24000)",
        "25M|constant_72000|constant(peak=3e-4, warmup=2160, total=72000)",
        "25M|wsd_20000_24000|wsd(peak=3e-4, final=3e-5, warmup=2160, total=24000, decay_start=20000, shape=exp)",
        "25M|wsdld_20000_24000|wsd(peak=3e-4, final=3e-5, warmup=2160, total=24000, decay_start=20000, "
                + "shape=linear)",
        "25M|wsdcon_3|piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:3e-5], interp=constant)",
        "25M|wsdcon_9|piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:9e-5], interp=constant)",
        "25M|wsdcon_18|piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:1.8e-4], interp=constant)"
    })
    void theTextFormReproducesTheLoggedLearningRates(String model, String curve, String spec) throws IOException {
        Schedule schedule = Schedules.parse(spec);
        assertEquals(spec, schedule.spec());
        double[][] logged = logged(model, curve);
        assertTrue(logged.length > 90, "rows read: " + logged.length);
        for (double[] row : logged) {
            int step = (int) row[0];
            assertEquals(row[1], schedule.lr(step), 1e-12 * row[1], () -> curve + " at step " + step);
        }
    }

    @Test
    void aDecayEndingOneStepEarlierOrLaterDoesNotMatch() throws IOException {
        double[][] logged = logged("100M", "cosine_24000");
        for (int total : new int[] {23999, 24001}) {
            Schedule shifted = Schedules.cosine(3e-4, 3e-5, 2160, total);
            double worst = 0;
            for (double[] row : logged) {
                worst = Math.max(worst, Math.abs(shifted.lr((int) row[0]) - row[1]) / row[1]);
            }
            assertTrue(worst > 1e-4, "total " + total + " worst relative error " + worst);
        }
    }

    private static double[][] logged(String model, String curve) throws IOException {
        try (Reader in = Files.newBufferedReader(DATA.resolve(model).resolve(curve + ".csv"))) {
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                rows.add(new double[] {Integer.parseInt(row.get("step")), Double.parseDouble(row.get("lr"))});
            }
            return rows.toArray(double[][]::new);
        }
    }
}
