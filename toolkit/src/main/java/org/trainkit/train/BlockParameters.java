package org.trainkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;

/**
 * Moves parameters between a DJL block and a {@link ParameterSet}. Names follow PyTorch's
 * {@code state_dict} convention for nested sequential models, the child's position then the
 * parameter's own name ({@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ...), so they depend
 * only on the architecture: DJL's own keys ({@code 01Linear_weight}) are deterministic too, but
 * carry class names, and its parameter ids carry counters. The order is DJL's parameter order
 * (a block's own parameters, then its children's, depth first).
 */
final class BlockParameters {

    private BlockParameters() {
    }

    /** The block's parameters under their stable names, in order. */
    static Map<String, Parameter> named(Block block) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        collect(block, "", named);
        return named;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> named) {
        for (Pair<String, Parameter> parameter : block.getDirectParameters()) {
            named.put(prefix + parameter.getValue().getName(), parameter.getValue());
        }
        int position = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), prefix + position + ".", named);
            position++;
        }
    }

    /** A copy of the block's current parameter values. */
    static ParameterSet read(Block block) {
        List<NamedTensor> tensors = new ArrayList<>();
        named(block).forEach((name, parameter) -> {
            NDArray array = parameter.getArray();
            tensors.add(NamedTensor.of(name, array.getShape().getShape(), array.toFloatArray()));
        });
        return ParameterSet.of(tensors);
    }

    /**
     * Overwrites the block's parameter values with {@code values}, which must hold exactly the
     * block's tensors (by name) with the block's shapes; {@code what} names them in errors, e.g.
     * "the initial parameters".
     *
     * @throws IllegalArgumentException naming the first tensor that is missing, extra or of
     *     another shape
     */
    static void write(Block block, ParameterSet values, String what, String architecture) {
        Map<String, Parameter> named = named(block);
        for (String name : values.names()) {
            if (!named.containsKey(name)) {
                throw new IllegalArgumentException(what + " have a tensor '" + name + "' that " + architecture
                        + " does not have; it has " + List.copyOf(named.keySet()));
            }
        }
        for (Map.Entry<String, Parameter> entry : named.entrySet()) {
            String name = entry.getKey();
            if (!values.contains(name)) {
                throw new IllegalArgumentException(what + " have no tensor '" + name + "', which " + architecture
                        + " needs; they have " + values.names());
            }
            long[] expected = entry.getValue().getArray().getShape().getShape();
            NamedTensor tensor = values.get(name);
            if (!Arrays.equals(expected, tensor.shape())) {
                throw new IllegalArgumentException(what + ": tensor '" + name + "' has shape " + Arrays.toString(tensor.shape())
                        + " but " + architecture + " needs " + Arrays.toString(expected));
            }
        }
        named.forEach((name, parameter) -> parameter.getArray().set(values.get(name).data()));
    }

    /** The number of scalar parameters of the block. */
    static long count(Block block) {
        long count = 0;
        for (Parameter parameter : named(block).values()) {
            count += parameter.getArray().getShape().size();
        }
        return count;
    }
}
