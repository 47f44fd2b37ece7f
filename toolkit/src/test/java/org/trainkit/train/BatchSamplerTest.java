package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

/**
 * The sampling hook expresses the strategies it was made for: tiny versions of RS2, hard-batch
 * selection by a forward pass on candidates, and progressive data dropout, written here as a later
 * reweighting package would.
 */
class BatchSamplerTest {

    private static final LabelledImages TRAIN = Synthetic.images("s", 64, 1);
    private static final LabelledImages TEST = Synthetic.images("t", 20, 2);

    @TempDir
    Path dir;

    private Trainer trainer(int batchSize, int scheduleSteps) {
        return Trainer.on(TRAIN, TEST).model(Models.mlp(16)).schedule(Schedules.constant(1e-2, 0, scheduleSteps))
                .batchSize(batchSize).progress(false).logCsv(dir.resolve("run.csv"));
    }

    /** A random subset of {@code fraction} of the data each epoch, handed out in full batches (RS2). */
    record RandomSubsets(double fraction) implements BatchSampler {
        @Override
        public Sampling start(LabelledImages train, int batchSize, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int subset = (int) (fraction * train.size());
            int[][] order = {null};
            return request -> {
                if (request.batchInEpoch() == subset / batchSize) {
                    return new int[0];
                }
                if (request.startsEpoch()) {
                    order[0] = permutation(train.size(), random);
                }
                int from = request.batchInEpoch() * batchSize;
                return Arrays.copyOfRange(order[0], from, from + batchSize);
            };
        }

        @Override
        public OptionalInt batchesPerEpoch(int samples, int batchSize) {
            return OptionalInt.of((int) (fraction * samples) / batchSize);
        }
    }

    /** RS2 with half the data per epoch. */
    static BatchSampler randomHalf() {
        return new RandomSubsets(0.5);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Test
    void randomPerEpochSubsetsEndEpochsEarly() {
        List<StepEvent> events = new ArrayList<>();
        TrainingResult result = trainer(8, 12).sampler(new RandomSubsets(0.5)).epochs(3).listener(events::add).train();
        assertEquals(12, result.steps(), "3 epochs of 32 samples in batches of 8");
        assertEquals(96, result.samplesProcessed());
        assertEquals(12, result.log().rowCount());
        List<Set<Integer>> epochs = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (StepEvent e : events) {
            assertEquals(e.step() / 4, e.epoch());
            Arrays.stream(e.indices()).forEach(epochs.get(e.epoch())::add);
        }
        epochs.forEach(subset -> assertEquals(32, subset.size(), "32 distinct samples per epoch"));
        assertFalse(epochs.get(0).equals(epochs.get(1)), "a fresh subset each epoch");
        assertTrue(result.settings().sampler().startsWith("RandomSubsets[fraction=0.5"), result.settings().sampler());

        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> trainer(8, 11).sampler(new RandomSubsets(0.5)).epochs(3).train());
        assertTrue(tooShort.getMessage().contains("covers 11 steps but the run has 12 (3 epoch(s) of 4 batches of 8)"),
                tooShort.getMessage());
    }

    /** Each step: draw twice the batch at random, score the candidates by a forward pass, keep the hardest. */
    static final class HardestOfCandidates implements BatchSampler {
        final List<int[]> candidates = new ArrayList<>();
        final List<float[]> candidateLosses = new ArrayList<>();

        @Override
        public Sampling start(LabelledImages train, int batchSize, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return request -> {
                int[] pool = Arrays.copyOf(permutation(train.size(), random), 2 * batchSize);
                float[] losses = request.probe().losses(pool);
                candidates.add(pool);
                candidateLosses.add(losses);
                return IntStream.range(0, pool.length).boxed()
                        .sorted((a, b) -> Float.compare(losses[b], losses[a])).limit(batchSize)
                        .mapToInt(i -> pool[i]).toArray();
            };
        }
    }

    @Test
    void aSamplerCanChooseTheBatchByAForwardPassOnCandidates() {
        HardestOfCandidates sampler = new HardestOfCandidates();
        List<StepEvent> events = new ArrayList<>();
        TrainingResult result = trainer(8, 6).sampler(sampler).listener(events::add).train();
        assertEquals(6, result.steps());
        for (int t = 0; t < 6; t++) {
            Map<Integer, Float> probed = new HashMap<>();
            for (int i = 0; i < 16; i++) {
                probed.put(sampler.candidates.get(t)[i], sampler.candidateLosses.get(t)[i]);
            }
            StepEvent e = events.get(t);
            float lowestChosen = Float.MAX_VALUE;
            for (int i = 0; i < 8; i++) {
                assertEquals(probed.get(e.indices()[i]), e.losses()[i], 1e-5,
                        "the probe scores with the parameters the step trains");
                lowestChosen = Math.min(lowestChosen, probed.get(e.indices()[i]));
            }
            Set<Integer> chosen = new HashSet<>();
            Arrays.stream(e.indices()).forEach(chosen::add);
            for (Map.Entry<Integer, Float> candidate : probed.entrySet()) {
                if (!chosen.contains(candidate.getKey())) {
                    assertTrue(candidate.getValue() <= lowestChosen, "step " + t + " kept the hardest candidates");
                }
            }
        }
    }

    /**
     * Progressive data dropout: the first epoch visits everything; each later epoch only the
     * samples whose loss, observed when last trained on, was at least the median of the previous
     * epoch. Batches may come out short at an epoch's end.
     */
    static final class DropEasySamples implements BatchSampler {
        @Override
        public Sampling start(LabelledImages train, int batchSize, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return new Sampling() {
                private final Map<Integer, Float> observed = new HashMap<>();
                private int[] epoch = new int[0];

                @Override
                public int[] nextBatch(BatchRequest request) {
                    if (request.startsEpoch()) {
                        epoch = request.epoch() == 0 ? permutation(train.size(), random) : hardHalf();
                        observed.clear();
                    }
                    int from = request.batchInEpoch() * batchSize;
                    return from >= epoch.length ? new int[0]
                            : Arrays.copyOfRange(epoch, from, Math.min(epoch.length, from + batchSize));
                }

                private int[] hardHalf() {
                    float[] losses = new float[observed.size()];
                    int k = 0;
                    for (float loss : observed.values()) {
                        losses[k++] = loss;
                    }
                    Arrays.sort(losses);
                    float median = losses[losses.length / 2];
                    return observed.entrySet().stream().filter(e -> e.getValue() >= median).mapToInt(Map.Entry::getKey)
                            .sorted().toArray();
                }

                @Override
                public void observe(SampleLosses trained) {
                    for (int i = 0; i < trained.size(); i++) {
                        observed.put(trained.indices()[i], trained.losses()[i]);
                    }
                }
            };
        }
    }

    @Test
    void aSamplerCanDropSamplesByTheLossesItObserved() {
        List<StepEvent> events = new ArrayList<>();
        TrainingResult result = trainer(24, 100).sampler(new DropEasySamples()).epochs(3)
                .weighting(batch -> new double[batch.size()]) // frozen parameters: each sample keeps its loss
                .listener(events::add).train();
        int[] sizes = events.stream().mapToInt(StepEvent::size).toArray();
        assertArrayEquals(new int[] {24, 24, 16, 24, 8, 16}, sizes, "64, then the harder 32, then the harder 16");
        assertEquals(6, result.steps());
        assertEquals(112, result.samplesProcessed());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, events.stream().mapToInt(StepEvent::epoch).toArray());
        float[] firstEpochLoss = new float[64];
        for (StepEvent e : events.subList(0, 3)) {
            for (int i = 0; i < e.size(); i++) {
                firstEpochLoss[e.indices()[i]] = e.losses()[i];
            }
        }
        float[] sorted = firstEpochLoss.clone();
        Arrays.sort(sorted);
        for (StepEvent e : events.subList(3, 5)) {
            for (int index : e.indices()) {
                assertTrue(firstEpochLoss[index] >= sorted[32], "sample " + index + " was among the harder half");
            }
        }
    }

    @Test
    void theDefaultSamplerIsTheSeededShuffleOfEveryEpoch() {
        List<StepEvent> events = new ArrayList<>();
        trainer(16, 9).seed(11).listener(events::add).train();
        SplittableRandom random = new SplittableRandom(11);
        int[] order = new int[0];
        for (StepEvent e : events) {
            int position = e.step() % 4;
            if (position == 0) {
                order = permutation(64, random);
            }
            assertArrayEquals(Arrays.copyOfRange(order, position * 16, position * 16 + 16), e.indices(), "step " + e.step());
            assertEquals(e.step() / 4, e.epoch());
        }
        assertEquals(OptionalInt.of(4), BatchSampler.shuffled().batchesPerEpoch(64, 16));
        assertEquals("shuffled", BatchSampler.shuffled().toString());
    }

    @Test
    void badBatchesAreClearErrors() {
        BatchSampler outOfRange = (train, batchSize, seed) -> request -> new int[] {0, 1, 64};
        IllegalStateException range = assertThrows(IllegalStateException.class,
                () -> trainer(8, 4).sampler(outOfRange).train());
        assertTrue(range.getMessage().contains("index 64 at position 2 at step 0; the training set has samples 0..63"),
                range.getMessage());
        BatchSampler tooMany = (train, batchSize, seed) -> request -> new int[batchSize + 1];
        IllegalStateException many = assertThrows(IllegalStateException.class, () -> trainer(8, 4).sampler(tooMany).train());
        assertTrue(many.getMessage().contains("gave 9 samples at step 0; the batch size is 8"), many.getMessage());
        BatchSampler empty = (train, batchSize, seed) -> request -> new int[0];
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> trainer(8, 4).sampler(empty).train());
        assertTrue(none.getMessage().contains("ended epoch 0 before its first batch"), none.getMessage());
        BatchSampler endless = (train, batchSize, seed) -> request -> new int[] {request.step() % 64};
        IllegalStateException endlessEpoch = assertThrows(IllegalStateException.class,
                () -> trainer(8, 5).sampler(endless).epochs(1).train());
        assertTrue(endlessEpoch.getMessage().contains("covers 5 steps but epoch 0 of 1 asks for more batches"),
                endlessEpoch.getMessage());
        BatchSampler badProbe = (train, batchSize, seed) -> request -> {
            request.probe().losses(new int[] {-1});
            return new int[] {0};
        };
        IllegalStateException probe = assertThrows(IllegalStateException.class, () -> trainer(8, 4).sampler(badProbe).train());
        assertTrue(probe.getMessage().contains("loss probe gave index -1"), probe.getMessage());
    }
}
