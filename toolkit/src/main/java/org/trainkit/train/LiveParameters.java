package org.trainkit.train;

import ai.djl.nn.Block;
import java.util.function.Supplier;
import org.trainkit.checkpoint.ParameterSet;

/**
 * The parameters of a block being trained, copied out only when first asked for during one
 * step's listener calls, and refused once the step is over (the block has moved on by then).
 */
final class LiveParameters implements Supplier<ParameterSet> {

    private final Block block;
    private final int step;
    private ParameterSet copy;
    private boolean open = true;

    LiveParameters(Block block, int step) {
        this.block = block;
        this.step = step;
    }

    @Override
    public ParameterSet get() {
        if (!open) {
            throw new IllegalStateException("the parameters of step " + step
                    + " are only available while its listeners run; keep the ParameterSet, not the event");
        }
        if (copy == null) {
            copy = BlockParameters.read(block);
        }
        return copy;
    }

    void close() {
        open = false;
    }
}
