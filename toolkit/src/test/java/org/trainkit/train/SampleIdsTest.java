package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

/** Per-sample hooks see each sample's id in the full dataset, not its index in the view trained on. */
class SampleIdsTest {

    @TempDir
    Path dir;

    @Test
    void weightingsSamplersAndListenersSeeTheIdsOfTheView() {
        LabelledImages full = Synthetic.images("s", 200, 1);
        LabelledImages view = full.split(0.5, 7).train();
        List<SampleLosses> weighed = new ArrayList<>();
        List<StepEvent> events = new ArrayList<>();
        Trainer.on(view, Synthetic.images("t", 20, 2)).model(Models.mlp(8)).schedule(Schedules.constant(1e-2, 0, 6))
                .batchSize(16).steps(6).progress(false).logCsv(dir.resolve("run.csv"))
                .weighting(batch -> {
                    weighed.add(batch);
                    double[] w = new double[batch.size()];
                    Arrays.fill(w, 1);
                    return w;
                })
                .listener(events::add).train();
        boolean someIdDiffersFromItsIndex = false;
        for (SampleLosses batch : weighed) {
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(view.id(batch.indices()[i]), batch.ids()[i]);
                assertEquals(full.label(batch.ids()[i]), batch.labels()[i], "the id names the sample in the full set");
                someIdDiffersFromItsIndex |= batch.ids()[i] != batch.indices()[i];
            }
        }
        assertEquals(true, someIdDiffersFromItsIndex, "the view is not the identity");
        for (int t = 0; t < events.size(); t++) {
            assertEquals(Arrays.toString(weighed.get(t).ids()), Arrays.toString(events.get(t).ids()));
        }
        assertNotEquals(0, events.size());
    }
}
