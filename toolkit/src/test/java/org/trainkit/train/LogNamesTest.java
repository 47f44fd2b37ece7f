package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.core.Workspace;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

class LogNamesTest {

    private static final LabelledImages TRAIN = Synthetic.images("s", 32, 1);
    private static final LabelledImages TEST = Synthetic.images("t", 10, 2);

    @TempDir
    Path dir;

    private String before;

    @BeforeEach
    void resultsInTheTemporaryDirectory() {
        before = System.getProperty(Workspace.RESULTS);
        System.setProperty(Workspace.RESULTS, dir.toString());
    }

    @AfterEach
    void restoreResults() {
        if (before == null) {
            System.clearProperty(Workspace.RESULTS);
        } else {
            System.setProperty(Workspace.RESULTS, before);
        }
    }

    /** A weighting that is a value: it prints its setting, so runs with other settings are told apart. */
    record Constant(double weight) implements SampleWeighting {
        @Override
        public double[] weights(SampleLosses batch) {
            double[] w = new double[batch.size()];
            Arrays.fill(w, weight);
            return w;
        }
    }

    private static Trainer base() {
        return Trainer.on(TRAIN, TEST).model(Models.mlp(4)).schedule(Schedules.constant(0.01, 0, 2)).batchSize(16)
                .name("same").progress(false);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runsThatDifferInAnySettingGetTheirOwnLog() throws IOException {
        List<TrainingResult> results = List.of(
                base().train(),
                base().schedule(Schedules.cosine(0.01, 0, 0, 2)).train(),
                base().weighting(new Constant(1)).train(),
                base().weighting(new Constant(0.5)).train(),
                base().seed(1).train(),
                base().optimizer(Optimizers.sgd()).train(),
                base().model(Models.mlp(5)).train(),
                base().sampler(BatchSamplerTest.randomHalf()).train());
        List<String> csvs = results.stream().map(r -> r.logCsv().getFileName().toString()).toList();
        assertEquals(results.size(), csvs.stream().distinct().count(), csvs.toString());
        for (TrainingResult r : results) {
            assertEquals("same-" + r.settings().hash() + ".csv", r.logCsv().getFileName().toString());
            assertEquals(r.settings().canonicalText(), Files.readString(r.settingsFile()));
            assertTrue(r.summary().startsWith("same [settings " + r.settings().hash() + "]"), r.summary());
        }
        assertEquals(2 * results.size(), files().size(), "a log and a settings file per run");

        TrainingResult again = base().train();
        assertEquals(results.get(0).settings(), again.settings());
        assertEquals(results.get(0).logCsv(), again.logCsv(), "the same settings give the same file");
        assertEquals(2 * results.size(), files().size());
    }

    @Test
    void theSettingsTextIsCanonicalAndItsHashStable() {
        RunSettings settings = new RunSettings("run", "mlp(256)", "Adam[beta1=0.9, beta2=0.999, epsilon=1.0E-8]",
                "constant(peak=0.001, warmup=0, total=100)", 128, 100, 0, 42, "shuffled", "none", "random",
                "fashion-mnist/train", "fashion-mnist/test");
        assertEquals("{\"name\":\"run\",\"model\":\"mlp(256)\",\"optimizer\":\"Adam[beta1=0.9, beta2=0.999, "
                + "epsilon=1.0E-8]\",\"schedule\":\"constant(peak=0.001, warmup=0, total=100)\",\"batchSize\":\"128\","
                + "\"steps\":\"100\",\"epochs\":\"0\",\"seed\":\"42\",\"sampler\":\"shuffled\",\"weighting\":\"none\","
                + "\"initialParameters\":\"random\",\"train\":\"fashion-mnist/train\",\"test\":\"fashion-mnist/test\"}\n",
                settings.canonicalText());
        assertEquals(RunSettings.sha256(settings.canonicalText().getBytes(StandardCharsets.UTF_8))
                .substring(0, 8), settings.hash());
        assertEquals("4dba9e11", settings.hash(), "file names must not change between versions");
        assertEquals(13, settings.metadata().size());
    }

    @Test
    void theSettingsTextIsJsonWhateverTheTextsHold() throws IOException {
        RunSettings settings = new RunSettings("run", "m", "o", "s \"quoted\" \\ back\nline\ttab\u0001 é", 1, 1, 0, -3,
                "x", "y", "z", "a", "b");
        Map<String, String> parsed = new ObjectMapper().readValue(settings.canonicalText(),
                new TypeReference<LinkedHashMap<String, String>>() {
                });
        assertEquals(settings.metadata(), parsed);
        assertEquals(1, settings.canonicalText().lines().count());
    }

    @Test
    void hooksAreDescribedByStableText() {
        assertEquals("Constant[weight=0.5]", HookText.describe(new Constant(0.5)));
        SampleWeighting lambda = batch -> new double[batch.size()];
        assertEquals("lambda in org.trainkit.train.LogNamesTest", HookText.describe(lambda));
        assertEquals("org.trainkit.train.LogNamesTest$Plain", HookText.describe(new Plain()));
        assertNotEquals(HookText.describe(new Constant(1)), HookText.describe(new Constant(2)));
    }

    /** A hook class without its own toString. */
    static final class Plain {
    }
}
