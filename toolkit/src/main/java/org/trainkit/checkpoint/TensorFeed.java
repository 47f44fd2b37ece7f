package org.trainkit.checkpoint;

import java.io.IOException;

/**
 * Supplies the data of the tensors a {@link CheckpointWriter} writes: called once per declared
 * tensor, in the declared order, with the tensor's entry and a sink to fill. Since the data are
 * asked for one tensor at a time (and may be given in chunks), a checkpoint larger than memory can
 * be streamed. An exception thrown here fails the write, which then leaves no output.
 */
@FunctionalInterface
public interface TensorFeed {

    /** Puts all data of {@code tensor} into {@code sink}. */
    void write(TensorInfo tensor, TensorSink sink) throws IOException;

    /** A feed from the tensors of {@code parameters}, looked up by name. */
    static TensorFeed of(ParameterSet parameters) {
        return (tensor, sink) -> sink.put(parameters.get(tensor.name()).data());
    }
}
