package org.trainkit.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.Objects;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.data.LabelledImages;

/**
 * Evaluates any parameter set of one architecture on any labelled split, without training: the
 * parameters go into a fresh DJL block and every image is scored once, in fixed batches, without
 * gradient, so the same parameters and split always give the same {@link ModelEvaluation} (the
 * one a {@link Trainer} run reports for its test split, when given that run's parameters).
 *
 * <pre>{@code
 * ModelEvaluation e = Evaluator.of(Models.mlp(256)).evaluate(result.parameters(), data.test());
 * }</pre>
 */
public final class Evaluator {

    private final Architecture architecture;

    private Evaluator(Architecture architecture) {
        this.architecture = architecture;
    }

    /** An evaluator for parameter sets of {@code architecture}. */
    public static Evaluator of(Architecture architecture) {
        return new Evaluator(Objects.requireNonNull(architecture, "architecture"));
    }

    /**
     * {@code parameters} evaluated on {@code data}.
     *
     * @throws IllegalArgumentException naming the tensor when a name or shape does not match the
     *     architecture (with {@code data.classes()} outputs)
     */
    public ModelEvaluation evaluate(ParameterSet parameters, LabelledImages data) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(data, "data");
        DjlRuntime.pytorch();
        try (Model model = Model.newInstance("evaluate-" + architecture.name(), Device.cpu(), DjlRuntime.ENGINE);
                NDManager manager = model.getNDManager().newSubManager()) {
            Block block = architecture.newBlock(data.classes());
            model.setBlock(block);
            // zeros, not random draws: evaluating must not move PyTorch's generator, which seeds training
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(model.getNDManager(), DataType.FLOAT32, architecture.inputShape(1, data.rows(), data.cols()));
            BlockParameters.write(block, parameters, "the parameters", architecture.name());
            return new BlockScorer(architecture, block, new ParameterStore(manager, false), manager).evaluate(data);
        }
    }

    @Override
    public String toString() {
        return "Evaluator[" + architecture + "]";
    }
}
