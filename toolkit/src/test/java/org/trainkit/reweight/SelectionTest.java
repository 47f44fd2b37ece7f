package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trainkit.data.LabelledImages;
import org.trainkit.train.BatchRequest;
import org.trainkit.train.BatchSampler;
import org.trainkit.train.LossProbe;
import org.trainkit.train.SampleLosses;

class SelectionTest {

    private static final LabelledImages DATA = Batches.learnable(100, 1);
    /** Each sample's "loss" is its index: the hardest samples are the last ones. */
    private static final LossProbe BY_INDEX = indices -> {
        float[] l = new float[indices.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = indices[i];
        }
        return l;
    };

    private static int[][] epoch(BatchSampler.Sampling sampling, int epoch, int firstStep) {
        java.util.List<int[]> batches = new java.util.ArrayList<>();
        for (int b = 0;; b++) {
            int[] batch = sampling.nextBatch(new BatchRequest(firstStep + b, epoch, b, BY_INDEX));
            if (batch.length == 0) {
                return batches.toArray(int[][]::new);
            }
            batches.add(batch);
        }
    }

    @Test
    void rs2DrawsAFreshSubsetOfDistinctSamplesEachEpoch() {
        RandomSubsets rs2 = new RandomSubsets(0.25);
        assertEquals(2, rs2.batchesPerEpoch(100, 10).getAsInt());
        BatchSampler.Sampling sampling = rs2.start(DATA, 10, 7);
        int[][] first = epoch(sampling, 0, 0);
        int[][] second = epoch(sampling, 1, first.length);
        assertEquals(2, first.length);
        Set<Integer> a = new HashSet<>();
        Arrays.stream(first).flatMapToInt(Arrays::stream).forEach(a::add);
        Set<Integer> b = new HashSet<>();
        Arrays.stream(second).flatMapToInt(Arrays::stream).forEach(b::add);
        assertEquals(20, a.size());
        assertEquals(20, b.size());
        assertTrue(!a.equals(b));
        assertArrayEquals(first[0], epoch(rs2.start(DATA, 10, 7), 0, 0)[0]);
    }

    @Test
    void hardBatchTrainsOnTheHighestLossBatchesHardestFirst() {
        HardBatches hard = new HardBatches(0.3);
        assertEquals(3, hard.batchesPerEpoch(100, 10).getAsInt());
        int[][] batches = epoch(hard.start(DATA, 10, 3), 0, 0);
        assertEquals(3, batches.length);
        double[] means = Arrays.stream(batches).mapToDouble(x -> Arrays.stream(x).average().orElseThrow()).toArray();
        assertTrue(means[0] >= means[1] && means[1] >= means[2], Arrays.toString(means));
        // every batch of the shuffled epoch not kept has a lower mean index than the kept ones
        assertTrue(means[2] > 49.5, "the kept batches are the hard ones: " + Arrays.toString(means));
    }

    @Test
    void progressiveDropoutLeavesOutLearnedSamplesUntilTheRevision() {
        ProgressiveDropout pdd = new ProgressiveDropout(0.5, 2);
        BatchSampler.Sampling sampling = pdd.start(DATA, 16, 5);
        int[][] first = epoch(sampling, 0, 0);
        assertEquals(100, Arrays.stream(first).mapToInt(x -> x.length).sum());
        assertEquals(4, first[first.length - 1].length);
        int step = 0;
        for (int[] batch : first) {
            float[] losses = new float[batch.length];
            for (int i = 0; i < batch.length; i++) {
                losses[i] = batch[i] < 30 ? 0.1f : 1f;
            }
            sampling.observe(new SampleLosses(step++, batch, batch, new int[batch.length], losses));
        }
        int[][] second = epoch(sampling, 1, step);
        int[] kept = Arrays.stream(second).flatMapToInt(Arrays::stream).sorted().toArray();
        assertEquals(70, kept.length);
        assertEquals(30, kept[0]);
        int[][] revision = epoch(sampling, 2, step + second.length);
        assertEquals(100, Arrays.stream(revision).mapToInt(x -> x.length).sum());
    }

    @Test
    void progressiveDropoutKeepsAtLeastOneBatchWhenEverythingIsLearned() {
        BatchSampler.Sampling sampling = new ProgressiveDropout(0.5, 9).start(DATA, 16, 5);
        int step = 0;
        for (int[] batch : epoch(sampling, 0, 0)) {
            sampling.observe(new SampleLosses(step++, batch, batch, new int[batch.length], new float[batch.length]));
        }
        int[][] next = epoch(sampling, 1, step);
        assertEquals(1, next.length);
        assertEquals(16, next[0].length);
    }
}
