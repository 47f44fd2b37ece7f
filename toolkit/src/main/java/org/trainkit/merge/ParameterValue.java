package org.trainkit.merge;

import java.util.List;
import java.util.Objects;

/**
 * A merge parameter as the popular Python merge tool's YAML gives it: a scalar ({@code 0.5},
 * {@code true}), a list interpolated over the layers (a "gradient": {@code [0, 0.5, 1]}), or a
 * list of {@code {filter, value}} entries, the first whose filter is a substring of the tensor's
 * name applying (an entry without a filter matches every tensor).
 *
 * <p>A gradient is read at the tensor's position in [0, 1]: its layer number's rank among the
 * model's distinct layer numbers (the first integer component of a dotted name, {@code
 * model.layers.7.mlp} is layer 7), divided by their count less one. Tensors with no layer number
 * (embeddings, final norms) are at position 0, the gradient's first value.
 */
public sealed interface ParameterValue {

    /** The value for a tensor named {@code tensor} at layer position {@code position} in [0, 1]. */
    double valueFor(String tensor, double position);

    /** This value's YAML-like text. */
    String text();

    /** A scalar (true and false are 1 and 0). */
    static ParameterValue of(double value) {
        return new Scalar(value);
    }

    /** A gradient over the layers. */
    static ParameterValue gradient(double... values) {
        return new Gradient(java.util.Arrays.stream(values).boxed().toList());
    }

    /** A scalar. */
    record Scalar(double value) implements ParameterValue {
        @Override
        public double valueFor(String tensor, double position) {
            return value;
        }

        @Override
        public String text() {
            return Double.toString(value);
        }
    }

    /** Values interpolated linearly over the layers (at least one). */
    record Gradient(List<Double> values) implements ParameterValue {
        /** Checks there is at least one value. */
        public Gradient {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a gradient needs at least one value");
            }
        }

        @Override
        public double valueFor(String tensor, double position) {
            if (values.size() == 1) {
                return values.get(0);
            }
            double x = Math.max(0, Math.min(1, position)) * (values.size() - 1);
            int i = Math.min((int) Math.floor(x), values.size() - 2);
            double f = x - i;
            return values.get(i) * (1 - f) + values.get(i + 1) * f;
        }

        @Override
        public String text() {
            return values.toString();
        }
    }

    /** One entry of a filtered parameter: {@code filter} null matches every tensor. */
    record FilterEntry(String filter, ParameterValue value) {
        /** Checks the value is there. */
        public FilterEntry {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The first entry whose filter is in the tensor's name applies. */
    record Filtered(List<FilterEntry> entries) implements ParameterValue {
        /** Copies the entries. */
        public Filtered {
            entries = List.copyOf(entries);
        }

        @Override
        public double valueFor(String tensor, double position) {
            for (FilterEntry entry : entries) {
                if (entry.filter() == null || tensor.contains(entry.filter())) {
                    return entry.value().valueFor(tensor, position);
                }
            }
            throw new IllegalArgumentException("no filter entry matches tensor '" + tensor + "' (filters "
                    + entries.stream().map(FilterEntry::filter).toList() + "); add an entry with only a value as the default");
        }

        @Override
        public String text() {
            StringBuilder s = new StringBuilder("[");
            for (FilterEntry entry : entries) {
                if (s.length() > 1) {
                    s.append(", ");
                }
                s.append("{");
                if (entry.filter() != null) {
                    s.append("filter: ").append(entry.filter()).append(", ");
                }
                s.append("value: ").append(entry.value().text()).append("}");
            }
            return s.append("]").toString();
        }
    }
}
