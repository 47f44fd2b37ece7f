package org.trainkit.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits tensors, in their order, into shards of at most a given number of tensor bytes, the way
 * Hugging Face does: a shard is closed when the next tensor would overflow it, and a tensor larger
 * than the limit gets a shard of its own. Each tensor's offsets are made relative to its shard.
 */
final class ShardPlan {

    private ShardPlan() {
    }

    /** The shards of {@code tensors} (at least one, possibly empty) under {@code maxShardBytes}. */
    static List<List<TensorInfo>> split(List<TensorInfo> tensors, long maxShardBytes) {
        if (maxShardBytes <= 0) {
            throw new IllegalArgumentException("the maximum shard size must be positive, got " + maxShardBytes);
        }
        List<List<TensorInfo>> shards = new ArrayList<>();
        List<TensorInfo> shard = new ArrayList<>();
        long bytes = 0;
        for (TensorInfo tensor : tensors) {
            long length = tensor.byteLength();
            if (!shard.isEmpty() && length > maxShardBytes - bytes) {
                shards.add(shard);
                shard = new ArrayList<>();
                bytes = 0;
            }
            shard.add(new TensorInfo(tensor.name(), tensor.dtype(), tensor.shape(), bytes, bytes + length));
            bytes += length;
        }
        shards.add(shard);
        return shards;
    }
}
