package org.trainkit.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of a model as a plain value: named float32 tensors in a fixed order, no
 * framework types. A training run returns one and can start from one; checkpoint files hold one;
 * merges combine several. Names are the model's parameter names, stable for one architecture, so
 * that the parameter sets of two runs line up tensor for tensor. Immutable.
 */
public final class ParameterSet implements Iterable<NamedTensor> {

    private final Map<String, NamedTensor> tensors;

    private ParameterSet(Map<String, NamedTensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * The tensors in this order.
     *
     * @throws IllegalArgumentException when two tensors share a name
     */
    public static ParameterSet of(List<NamedTensor> tensors) {
        Map<String, NamedTensor> byName = new LinkedHashMap<>();
        for (NamedTensor tensor : tensors) {
            Objects.requireNonNull(tensor, "tensor");
            if (byName.putIfAbsent(tensor.name(), tensor) != null) {
                throw new IllegalArgumentException("parameter set: two tensors are named '" + tensor.name() + "'");
            }
        }
        return new ParameterSet(byName);
    }

    /** The tensor names, in order. */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /** The tensors, in order. */
    public List<NamedTensor> tensors() {
        return List.copyOf(tensors.values());
    }

    /** The tensor named {@code name}. */
    public NamedTensor get(String name) {
        NamedTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("parameter set has no tensor '" + name + "'; it has " + names());
        }
        return tensor;
    }

    /** Whether there is a tensor named {@code name}. */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The number of tensors. */
    public int size() {
        return tensors.size();
    }

    /** The number of scalar values over all tensors. */
    public long parameterCount() {
        long count = 0;
        for (NamedTensor tensor : tensors.values()) {
            count += tensor.size();
        }
        return count;
    }

    /**
     * Whether {@code other} has the same names in the same order with the same shapes, so that the
     * two can be combined tensor by tensor.
     */
    public boolean alignsWith(ParameterSet other) {
        if (!names().equals(other.names())) {
            return false;
        }
        for (NamedTensor tensor : tensors.values()) {
            if (!tensor.sameShape(other.get(tensor.name()))) {
                return false;
            }
        }
        return true;
    }

    /** This set with {@code tensor} replacing the one of the same name (which must exist, with the same shape). */
    public ParameterSet with(NamedTensor tensor) {
        NamedTensor old = get(tensor.name());
        if (!old.sameShape(tensor)) {
            throw new IllegalArgumentException("tensor '" + tensor.name() + "': shape " + tensor
                    + " does not match " + old);
        }
        Map<String, NamedTensor> copy = new LinkedHashMap<>(tensors);
        copy.put(tensor.name(), tensor);
        return new ParameterSet(copy);
    }

    @Override
    public Iterator<NamedTensor> iterator() {
        return new ArrayList<>(tensors.values()).iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet p && new ArrayList<>(tensors.values()).equals(new ArrayList<>(p.tensors.values()));
    }

    @Override
    public int hashCode() {
        return new ArrayList<>(tensors.values()).hashCode();
    }

    @Override
    public String toString() {
        return "ParameterSet" + tensors.values() + " (" + parameterCount() + " values)";
    }
}
