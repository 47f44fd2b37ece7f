package org.trainkit.merge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trainkit.checkpoint.Checkpoint;
import org.trainkit.checkpoint.CheckpointWriter;
import org.trainkit.checkpoint.DType;
import org.trainkit.checkpoint.TensorInfo;
import org.trainkit.checkpoint.TensorReader;
import org.trainkit.checkpoint.TensorSink;
import org.trainkit.core.AtomicFiles;
import org.trainkit.core.Progress;

/**
 * The merge engine: checks that the inputs fit together, then streams the merge tensor by tensor
 * from memory-mapped inputs into a sharded safetensors output written atomically.
 *
 * <pre>{@code
 * MergeReport report = Merger.of(MergeConfig.read(Path.of("ties.yaml")))
 *         .shardSize("5GB").seed(1).run(Path.of("merged"));
 * }</pre>
 *
 * <p>Memory: a small pool of threads (one per core) reads, merges and encodes the next pieces while
 * earlier ones are placed in the file. Element-wise methods go in chunks of 128K
 * elements, so a few chunks per thread are in memory, whatever the tensors' size; the other
 * methods see a tensor whole (at most 2^31 - 9 elements, one Java array, checked before
 * anything is written): each thread keeps its inputs and result for one tensor as float32, and the
 * encoded bytes of at most {@code threads + 1} tensors wait to be written, so the peak is near
 * (inputs + 1) x (largest tensor) x threads plus the waiting bytes, whatever the model's size.
 * Arithmetic is float32, with float64 for sums over a tensor. The output
 * goes to a temporary directory beside the target, renamed into place when complete (a failed
 * merge leaves no output); an output directory holding an input is refused. Non-weight files of
 * the base model's directory (config.json, tokenizer files) are copied, with the config as
 * {@code merge_config.yaml}.
 */
public final class Merger {

    /** The config copy's name in the output. */
    public static final String CONFIG_COPY = "merge_config.yaml";

    private static final Pattern LAYER = Pattern.compile("(^|\\.)(\\d+)(\\.|$)");
    private static final Set<String> WEIGHT_SUFFIXES = Set.of(".safetensors", ".bin", ".pt", ".pth", ".ckpt", ".pkl",
            ".h5", ".msgpack", ".gguf", ".onnx");

    private final MergeConfig config;
    private long seed;
    private long shardBytes = 5_000_000_000L;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean progress = true;

    private Merger(MergeConfig config) {
        this.config = config;
    }

    /** A merge of {@code config}, seed 0, shards of 5 GB, one thread per core, with a progress bar. */
    public static Merger of(MergeConfig config) {
        return new Merger(config);
    }

    /** The seed of the random methods (DARE, DELLA). */
    public Merger seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The largest shard, in bytes. */
    public Merger shardSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("shard size must be positive, got " + bytes);
        }
        this.shardBytes = bytes;
        return this;
    }

    /** The largest shard, as text ({@code 5GB}, {@code 500MB}, {@code 1.5G}; see {@link Sizes}). */
    public Merger shardSize(String size) {
        return shardSize(Sizes.parse(size));
    }

    /** The number of computing threads. */
    public Merger threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** Whether to show a progress bar (one unit per tensor). */
    public Merger progress(boolean show) {
        this.progress = show;
        return this;
    }

    /**
     * Checks the inputs and works out the merge without writing anything.
     *
     * @throws MergeInputException listing the first mismatches when the inputs do not fit together
     */
    public MergePlan plan() {
        try (Inputs inputs = Inputs.open(config)) {
            return plan(inputs);
        }
    }

    /**
     * Merges into {@code output} (replacing an earlier merge there).
     *
     * @throws MergeInputException when the inputs do not fit together or {@code output} holds one
     */
    public MergeReport run(Path output) {
        long start = System.nanoTime();
        Path target = output.toAbsolutePath().normalize();
        try (Inputs inputs = Inputs.open(config)) {
            MergePlan plan = plan(inputs);
            refuseOutputHoldingInput(target, inputs);
            CheckpointWriter writer = declare(plan);
            List<OutputTensor> tensors = plan.tensors();
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "merge");
                thread.setDaemon(true);
                return thread;
            });
            try (Progress bar = progress ? Progress.start("merge " + config.method(), tensors.size()) : Progress.silent()) {
                Pipeline pipeline = new Pipeline(tensors, inputs, pool);
                AtomicFiles.writeDirectory(target, true, tmp -> {
                    writer.writeDirectory(tmp, shardBytes, (info, sink) -> {
                        OutputTensor t = pipeline.write(sink);
                        bar.advance(t.name());
                    });
                    copyBaseFiles(tmp, inputs);
                    Files.writeString(tmp.resolve(CONFIG_COPY), config.yaml());
                });
            } finally {
                pool.shutdownNow();
            }
            List<Path> files = plan.files().keySet().stream().map(target::resolve).toList();
            if (files.size() > 1) {
                files = new ArrayList<>(files);
                files.add(target.resolve("model.safetensors.index.json"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new MergeReport(target, files, tensors.size(), plan.outputBytes(), plan.inputBytes(), seconds);
        }
    }

    /** Elements per work unit of an element-wise method (512 KiB of float32 per input). */
    static final int CHUNK = 1 << 17;

    /** One piece of work: elements {@code [from, from + count)} of tensor {@code tensor}, or all of it. */
    private record Unit(int tensor, long from, int count, boolean last) {
    }

    /** The bytes of an encoded unit: its pieces, consecutive from the unit's first element. */
    private record Encoded(List<ByteBuffer> pieces) {
    }

    /** The bytes of a pooled buffer: a chunk of the widest float kind (F64), 1 MiB. */
    private static final int PIECE_BYTES = CHUNK * Double.BYTES;

    /**
     * The tensors' work units in output order, computed ahead on the pool within a budget of
     * elements in flight, and handed to the writer in order: chunks for element-wise methods,
     * whole tensors for the others, raw bytes for copied non-float tensors. A computing thread
     * reads a unit into arrays it reuses, merges it and encodes the result into pooled buffers;
     * the writing thread hands those to the pool to be placed at their offsets in the file, so the
     * copy into the file is spread over the cores too and nothing is allocated per chunk.
     */
    private final class Pipeline {
        private final List<OutputTensor> tensors;
        private final Inputs inputs;
        private final ExecutorService pool;
        private final Deque<Unit> pendingUnits = new ArrayDeque<>();
        private final Deque<Unit> queued = new ArrayDeque<>();
        private final Deque<Future<Encoded>> results = new ArrayDeque<>();
        private final boolean elementWise = MergeMethods.elementWise(config.method());
        private final long budget;
        private final int maxPlacing;
        private final ConcurrentLinkedQueue<ByteBuffer> freeBuffers = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
        private int nextTensor;
        private long inFlight;

        Pipeline(List<OutputTensor> tensors, Inputs inputs, ExecutorService pool) {
            this.tensors = tensors;
            this.inputs = inputs;
            this.pool = pool;
            long largest = tensors.stream().mapToLong(t -> elements(t)).max().orElse(1);
            // chunks: a few per thread; whole tensors: one per thread (the one being written is not counted)
            this.budget = elementWise ? 4L * (threads + 1) * CHUNK : threads * Math.max(largest, CHUNK);
            this.maxPlacing = 4 * (threads + 1);
        }

        /**
         * Writes the next tensor into {@code sink}; returns it. Encoded pieces are placed at their
         * offsets by the pool, at most {@code maxPlacing} waiting at a time, all done before this
         * returns.
         */
        OutputTensor write(TensorSink sink) throws IOException {
            OutputTensor t = null;
            boolean last = false;
            Deque<Future<Encoded>> placing = new ArrayDeque<>();
            try {
                while (!last) {
                    fill();
                    Unit unit = queued.poll();
                    Future<Encoded> result = results.poll();
                    t = tensors.get(unit.tensor());
                    last = unit.last();
                    if (!t.merged()) {
                        inFlight -= unit.count();
                        copyRaw(t.models().get(0), sink);
                        continue;
                    }
                    Encoded encoded = await(result, t);
                    inFlight -= unit.count();
                    fill(); // the next units start while this one is written
                    long offset = unit.from() * t.dtype().byteSize();
                    for (ByteBuffer bytes : encoded.pieces()) {
                        while (placing.size() >= maxPlacing) {
                            await(placing.poll(), t);
                        }
                        long at = offset;
                        // read the length before the pool may clear the buffer for reuse
                        offset += bytes.limit();
                        placing.add(pool.submit(() -> {
                            sink.putBytesAt(at, bytes);
                            bytes.clear();
                            freeBuffers.add(bytes);
                            return null;
                        }));
                    }
                }
            } finally {
                awaitAll(placing, t);
            }
            return t;
        }

        /** Waits for every placed piece (in the file, or failed) before the writer moves on or gives up. */
        private void awaitAll(Deque<Future<Encoded>> placing, OutputTensor t) throws IOException {
            IOException failure = null;
            RuntimeException runtime = null;
            while (!placing.isEmpty()) {
                try {
                    await(placing.poll(), t);
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                } catch (RuntimeException e) {
                    runtime = runtime == null ? e : runtime;
                }
            }
            if (runtime != null) {
                throw runtime;
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** Copies a tensor that is not merged, in ranges of at most 1 GiB (one buffer holds at most 2 GiB). */
        private void copyRaw(OutputTensor.Source source, TensorSink sink) throws IOException {
            TensorReader reader = inputs.reader(source.input());
            long length = reader.info(source.tensor()).byteLength();
            long from = 0;
            do {
                int n = (int) Math.min(length - from, 1 << 30);
                sink.putBytes(reader.rawBytes(source.tensor(), from, n));
                from += n;
            } while (from < length);
        }

        /** Submits units while the budget allows (always at least one). */
        private void fill() {
            while (nextTensor < tensors.size() || !pendingUnits.isEmpty()) {
                if (pendingUnits.isEmpty()) {
                    split(nextTensor++);
                }
                Unit unit = pendingUnits.peek();
                if (!queued.isEmpty() && (inFlight + unit.count() > budget || queued.size() >= maxPlacing)) {
                    return;
                }
                pendingUnits.poll();
                OutputTensor t = tensors.get(unit.tensor());
                queued.add(unit);
                inFlight += unit.count();
                results.add(t.merged() ? pool.submit(() -> compute(t, unit)) : CompletableFuture.completedFuture(null));
            }
        }

        private void split(int index) {
            OutputTensor t = tensors.get(index);
            long n = elements(t);
            if (!t.merged() || !elementWise) {
                // whole-tensor methods are planned only for tensors that fit one array (refuseOversizedWholeTensors)
                pendingUnits.add(new Unit(index, 0, t.merged() ? (int) n : 0, true));
                return;
            }
            for (long from = 0; from < n || from == 0; from += CHUNK) {
                int count = (int) Math.min(CHUNK, n - from);
                pendingUnits.add(new Unit(index, from, count, from + count >= n));
            }
        }

        /** Reads, merges and encodes one unit on a pool thread, in that thread's reused arrays. */
        private Encoded compute(OutputTensor t, Unit unit) {
            MethodSpec spec = MergeMethods.spec(config.method());
            Scratch own = scratch.get();
            int count = unit.count();
            float[] base = t.base() == null ? null : read(t.base(), unit, own.input(0, count));
            List<float[]> models = new ArrayList<>();
            for (int i = 0; i < t.models().size(); i++) {
                models.add(read(t.models().get(i), unit, own.input(i + 1, count)));
            }
            TensorJob job = new TensorJob(t.name(), t.shape(), t.position(), base, models, t.parameters(), config.parameters(),
                    spec, seed, own.output(count));
            float[] values = spec.kernel().apply(job);
            // encoded here, before this thread's arrays are reused (the result may be one of them)
            List<ByteBuffer> pieces = new ArrayList<>();
            int perPiece = PIECE_BYTES / t.dtype().byteSize();
            for (int from = 0; from < count || from == 0; from += perPiece) {
                int n = Math.min(perPiece, count - from);
                ByteBuffer bytes = freeBuffers.poll();
                if (bytes == null) {
                    bytes = ByteBuffer.allocateDirect(PIECE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                }
                t.dtype().encode(values, from, n, bytes);
                pieces.add(bytes.flip());
            }
            return new Encoded(pieces);
        }

        /** Reads a unit of {@code source} into {@code into}. */
        private float[] read(OutputTensor.Source source, Unit unit, float[] into) {
            inputs.reader(source.input()).readFloats(source.tensor(), unit.from(), into, 0, unit.count());
            return into;
        }
    }

    /**
     * One computing thread's arrays: an input array per slot (0 the base, then the models) and an
     * output array, each kept for the next unit of the same length (every full chunk, or the next
     * tensor of the same shape) and replaced otherwise, since kernels work on whole arrays.
     */
    private static final class Scratch {
        private float[][] inputs = new float[0][];
        private float[] output;

        float[] input(int slot, int count) {
            if (slot >= inputs.length) {
                inputs = Arrays.copyOf(inputs, slot + 1);
            }
            if (inputs[slot] == null || inputs[slot].length != count) {
                inputs[slot] = null; // let the old one go before the new one is allocated
                inputs[slot] = new float[count];
            }
            return inputs[slot];
        }

        float[] output(int count) {
            if (output == null || output.length != count) {
                output = null;
                output = new float[count];
            }
            return output;
        }
    }

    private static long elements(OutputTensor t) {
        long n = 1;
        for (long d : t.shape()) {
            n *= d;
        }
        return n;
    }

    private static <T> T await(Future<T> result, OutputTensor t) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while merging " + t.name(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("merging tensor '" + t.name() + "' failed: " + cause, cause);
        }
    }

    private static CheckpointWriter declare(MergePlan plan) {
        CheckpointWriter writer = CheckpointWriter.create().metadata(Map.of("format", "pt"));
        plan.tensors().forEach(t -> writer.tensor(t.name(), t.dtype(), t.shape()));
        return writer;
    }

    private MergePlan plan(Inputs inputs) {
        MethodSpec spec = MergeMethods.spec(config.method());
        List<String> problems = new ArrayList<>();
        List<OutputTensor> tensors = config.slices().isEmpty() ? planModels(inputs, spec, problems)
                : planSlices(inputs, spec, problems);
        if (!problems.isEmpty()) {
            throw new MergeInputException("the inputs do not fit together (" + problems.size() + " mismatch"
                    + (problems.size() == 1 ? "" : "es") + ")", problems);
        }
        refuseOversizedWholeTensors(spec, tensors);
        long inputBytes = 0;
        for (OutputTensor t : tensors) {
            if (t.base() != null) {
                inputBytes += inputs.reader(t.base().input()).info(t.base().tensor()).byteLength();
            }
            for (OutputTensor.Source s : t.models()) {
                inputBytes += inputs.reader(s.input()).info(s.tensor()).byteLength();
            }
        }
        CheckpointWriter writer = CheckpointWriter.create();
        tensors.forEach(t -> writer.tensor(t.name(), t.dtype(), t.shape()));
        return new MergePlan(config, inputs.paths(), tensors, writer.plannedShards(shardBytes), inputBytes);
    }

    /** The most elements a whole-tensor method takes in one tensor: the largest Java array. */
    static final long WHOLE_TENSOR_LIMIT = Integer.MAX_VALUE - 8;

    /**
     * Methods other than the element-wise ones see each tensor whole (a top-k over it, its norm,
     * its rows), in Java arrays; element-wise methods stream tensors of any size in chunks.
     */
    private static void refuseOversizedWholeTensors(MethodSpec spec, List<OutputTensor> tensors) {
        if (MergeMethods.elementWise(spec.name())) {
            return;
        }
        List<String> oversized = new ArrayList<>();
        for (OutputTensor t : tensors) {
            if (t.merged() && elements(t) > WHOLE_TENSOR_LIMIT) {
                oversized.add("'" + t.name() + "' " + Arrays.toString(t.shape()) + ": " + elements(t) + " elements");
            }
        }
        if (!oversized.isEmpty()) {
            throw new MergeInputException("merge_method " + spec.name() + " works on each tensor whole, at most "
                    + WHOLE_TENSOR_LIMIT + " elements (one Java array), and " + oversized.size() + " tensor"
                    + (oversized.size() == 1 ? " is" : "s are") + " larger (the element-wise methods "
                    + MergeMethods.elementWiseNames() + " stream tensors of any size)", oversized);
        }
    }

    /** The models a method combines: those not the base, where the method has a base (as the popular tool does). */
    private List<ModelInput> combined(MethodSpec spec, List<ModelInput> models) {
        if (config.base() == null || spec.base() == MethodSpec.BaseRule.UNUSED) {
            return models;
        }
        Path base = normal(config.base().path());
        return models.stream().filter(m -> !normal(m.path()).equals(base)).toList();
    }

    private List<OutputTensor> planModels(Inputs inputs, MethodSpec spec, List<String> problems) {
        List<ModelInput> models = combined(spec, config.models());
        checkCount(spec, models.size(), "models");
        boolean useBase = config.base() != null && spec.base() != MethodSpec.BaseRule.UNUSED;
        int baseInput = config.base() == null ? -1 : inputs.index(config.base().path());
        int[] modelInputs = models.stream().mapToInt(m -> inputs.index(m.path())).toArray();
        List<Map<String, ParameterValue>> parameters = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            parameters.add(withMetadata(spec, models.get(i), inputs.reader(modelInputs[i]), i));
        }
        TensorReader reference = inputs.reader(useBase ? baseInput : modelInputs[0]);
        String referenceName = useBase ? "the base" : "models[0]";
        Map<String, Double> positions = positions(reference.tensorNames());
        List<Integer> others = new ArrayList<>();
        if (useBase) {
            others.add(baseInput);
        }
        for (int m : modelInputs) {
            others.add(m);
        }
        for (int input : new TreeSet<>(others)) {
            TensorReader r = inputs.reader(input);
            for (String name : r.tensorNames()) {
                if (!reference.contains(name)) {
                    problems.add(r.source() + " has tensor '" + name + "' that " + referenceName + " (" + reference.source()
                            + ") does not");
                }
            }
        }
        List<OutputTensor> tensors = new ArrayList<>();
        for (String name : reference.tensorNames()) {
            TensorInfo info = reference.info(name);
            for (int input : new TreeSet<>(others)) {
                check(inputs.reader(input), name, info, reference, problems);
            }
            List<OutputTensor.Source> sources = Arrays.stream(modelInputs).mapToObj(i -> new OutputTensor.Source(i, name)).toList();
            OutputTensor.Source base = useBase ? new OutputTensor.Source(baseInput, name) : null;
            tensors.add(output(name, info, base, sources, positions.get(name), parameters));
        }
        return tensors;
    }

    private OutputTensor output(String name, TensorInfo info, OutputTensor.Source base, List<OutputTensor.Source> sources,
            double position, List<Map<String, ParameterValue>> parameters) {
        boolean merged = info.dtype().isFloat();
        DType dtype = merged && config.outputDtype() != null ? config.outputDtype() : info.dtype();
        return new OutputTensor(name, info.shape(), dtype, base, sources, position, merged, parameters);
    }

    private static void check(TensorReader r, String name, TensorInfo expected, TensorReader reference, List<String> problems) {
        if (r == reference) {
            return;
        }
        if (!r.contains(name)) {
            problems.add(r.source() + " has no tensor '" + name + "'");
            return;
        }
        TensorInfo info = r.info(name);
        if (!Arrays.equals(info.shape(), expected.shape())) {
            problems.add("'" + name + "' is " + Arrays.toString(info.shape()) + " in " + r.source() + " but "
                    + Arrays.toString(expected.shape()) + " in " + reference.source());
        } else if (info.dtype() != expected.dtype()) {
            problems.add("'" + name + "' is " + info.dtype() + " in " + r.source() + " but " + expected.dtype() + " in "
                    + reference.source());
        }
    }

    /** For mwa_loss and mwa_step: a model's loss or step from its checkpoint's metadata when not given. */
    private Map<String, ParameterValue> withMetadata(MethodSpec spec, ModelInput model, TensorReader reader, int index) {
        Map<String, ParameterValue> parameters = new LinkedHashMap<>(model.parameters());
        for (String key : List.of("loss", "step")) {
            if (spec.modelDefaults().containsKey(key) && !parameters.containsKey(key)) {
                String text = reader.metadata().get(key);
                if (text == null) {
                    throw new IllegalArgumentException("models[" + index + "] (" + model.path() + "): " + spec.name() + " needs its "
                            + key + ": give parameters." + key + " or save it in the checkpoint's __metadata__ under '" + key + "'");
                }
                try {
                    parameters.put(key, ParameterValue.of(Double.parseDouble(text)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(model.path() + ": __metadata__ " + key + " is '" + text + "', not a number", e);
                }
            }
        }
        return parameters;
    }

    private static void checkCount(MethodSpec spec, int count, String what) {
        if (count < spec.minModels() || count > spec.maxModels()) {
            String range = spec.minModels() == spec.maxModels() ? "exactly " + spec.minModels()
                    : spec.maxModels() == Integer.MAX_VALUE ? "at least " + spec.minModels()
                    : spec.minModels() + " to " + spec.maxModels();
            throw new IllegalArgumentException(what + ": " + spec.name() + " takes " + range + " model(s)"
                    + (spec.base() != MethodSpec.BaseRule.UNUSED ? " besides the base" : "") + ", got " + count);
        }
    }

    private List<OutputTensor> planSlices(Inputs inputs, MethodSpec spec, List<String> problems) {
        boolean useBase = config.base() != null && spec.base() != MethodSpec.BaseRule.UNUSED;
        Path basePath = config.base() == null ? null : normal(config.base().path());
        int totalLayers = config.slices().stream().mapToInt(s -> s.get(0).length()).sum();
        List<OutputTensor> layerTensors = new ArrayList<>();
        List<OutputTensor> prefix = new ArrayList<>();
        List<OutputTensor> suffix = new ArrayList<>();
        int offset = 0;
        for (int s = 0; s < config.slices().size(); s++) {
            List<SliceSource> slice = config.slices().get(s);
            SliceSource baseSource = useBase ? slice.stream().filter(x -> normal(x.model().path()).equals(basePath)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("slices[" + (config.slices().indexOf(slice))
                            + "]: " + spec.name() + " needs the base model among the sources")) : null;
            List<SliceSource> sources = slice.stream().filter(x -> x != baseSource).toList();
            checkCount(spec, sources.size(), "slices[" + s + "].sources");
            List<Map<String, ParameterValue>> parameters = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                parameters.add(withMetadata(spec, sources.get(i).model(), inputs.reader(inputs.index(sources.get(i).model().path())), i));
            }
            SliceSource first = slice.get(0);
            TensorReader reference = inputs.reader(inputs.index(first.model().path()));
            if (s == 0) {
                boolean seenLayer = false;
                for (String name : reference.tensorNames()) {
                    if (layerOf(name) >= 0) {
                        seenLayer = true;
                        continue;
                    }
                    TensorInfo info = reference.info(name);
                    List<OutputTensor.Source> srcs = new ArrayList<>();
                    for (SliceSource x : sources) {
                        int in = inputs.index(x.model().path());
                        check(inputs.reader(in), name, info, reference, problems);
                        srcs.add(new OutputTensor.Source(in, name));
                    }
                    OutputTensor.Source base = baseSource == null ? null : new OutputTensor.Source(inputs.index(baseSource.model().path()), name);
                    (seenLayer ? suffix : prefix).add(output(name, info, base, srcs, 0, parameters));
                }
            }
            for (int o = 0; o < first.length(); o++) {
                int layer = first.from() + o;
                int outLayer = offset + o;
                boolean any = false;
                for (String name : reference.tensorNames()) {
                    if (layerOf(name) != layer) {
                        continue;
                    }
                    any = true;
                    TensorInfo info = reference.info(name);
                    List<OutputTensor.Source> srcs = new ArrayList<>();
                    for (SliceSource x : sources) {
                        int in = inputs.index(x.model().path());
                        String sourceName = withLayer(name, x.from() + o);
                        check(inputs.reader(in), sourceName, info, reference, problems);
                        srcs.add(new OutputTensor.Source(in, sourceName));
                    }
                    OutputTensor.Source base = baseSource == null ? null
                            : new OutputTensor.Source(inputs.index(baseSource.model().path()), withLayer(name, baseSource.from() + o));
                    if (base != null) {
                        check(inputs.reader(base.input()), base.tensor(), info, reference, problems);
                    }
                    double position = totalLayers == 1 ? 0 : (double) outLayer / (totalLayers - 1);
                    layerTensors.add(output(withLayer(name, outLayer), info, base, srcs, position, parameters));
                }
                if (!any) {
                    problems.add("slices[" + s + "]: " + reference.source() + " has no tensors of layer " + layer);
                }
            }
            offset += first.length();
        }
        List<OutputTensor> all = new ArrayList<>(prefix);
        all.addAll(layerTensors);
        all.addAll(suffix);
        return all;
    }

    /** The first integer component of a dotted tensor name, or -1. */
    static int layerOf(String name) {
        Matcher m = LAYER.matcher(name);
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }

    static String withLayer(String name, int layer) {
        Matcher m = LAYER.matcher(name);
        if (!m.find()) {
            return name;
        }
        return name.substring(0, m.start(2)) + layer + name.substring(m.end(2));
    }

    /** Each tensor's layer position in [0, 1] (0 for tensors without a layer number). */
    static Map<String, Double> positions(List<String> names) {
        TreeSet<Integer> layers = new TreeSet<>();
        names.forEach(n -> {
            if (layerOf(n) >= 0) {
                layers.add(layerOf(n));
            }
        });
        List<Integer> sorted = new ArrayList<>(layers);
        Map<String, Double> positions = new LinkedHashMap<>();
        for (String n : names) {
            int layer = layerOf(n);
            positions.put(n, layer < 0 || sorted.size() < 2 ? 0.0 : (double) sorted.indexOf(layer) / (sorted.size() - 1));
        }
        return positions;
    }

    private static void refuseOutputHoldingInput(Path target, Inputs inputs) {
        List<String> held = new ArrayList<>();
        Path real = realOrNormal(target);
        for (int i = 0; i < inputs.paths().size(); i++) {
            List<Path> files = new ArrayList<>(inputs.checkpoint(i).files());
            files.add(inputs.paths().get(i));
            for (Path f : files) {
                if (realOrNormal(f).startsWith(real)) {
                    held.add(f.toString());
                }
            }
        }
        if (!held.isEmpty()) {
            throw new MergeInputException("refusing to write into " + target + ": it holds an input (the merge would replace"
                    + " what it reads)", held);
        }
    }

    private static Path realOrNormal(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Copies the regular non-weight files of the base's directory (else the first model's). */
    private void copyBaseFiles(Path tmp, Inputs inputs) throws IOException {
        Path source = config.base() != null ? config.base().path()
                : !config.models().isEmpty() ? config.models().get(0).path() : config.slices().get(0).get(0).model().path();
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                boolean weights = WEIGHT_SUFFIXES.stream().anyMatch(lower::endsWith) || lower.endsWith(".index.json")
                        || name.equals(CONFIG_COPY);
                if (Files.isRegularFile(f) && !weights && !name.startsWith(".")) {
                    Files.copy(f, tmp.resolve(name));
                }
            }
        }
    }

    static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The distinct input checkpoints, opened once each (a model listed twice is read from one reader). */
    private static final class Inputs implements AutoCloseable {
        private final List<Path> paths = new ArrayList<>();
        private final List<Checkpoint> readers = new ArrayList<>();

        static Inputs open(MergeConfig config) {
            Inputs inputs = new Inputs();
            try {
                if (config.base() != null) {
                    inputs.add(config.base().path(), "base_model");
                }
                for (int i = 0; i < config.models().size(); i++) {
                    inputs.add(config.models().get(i).path(), "models[" + i + "]");
                }
                for (int s = 0; s < config.slices().size(); s++) {
                    for (int i = 0; i < config.slices().get(s).size(); i++) {
                        inputs.add(config.slices().get(s).get(i).model().path(), "slices[" + s + "].sources[" + i + "]");
                    }
                }
                return inputs;
            } catch (RuntimeException e) {
                inputs.close();
                throw e;
            }
        }

        private void add(Path path, String what) {
            Path p = normal(path);
            if (paths.contains(p)) {
                return;
            }
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(what + ": " + path + " is not a file or directory (give the path of a"
                        + " .safetensors file, an index or a checkpoint directory; hub model ids are not downloaded)");
            }
            readers.add(Checkpoint.open(p));
            paths.add(p);
        }

        int index(Path path) {
            return paths.indexOf(normal(path));
        }

        TensorReader reader(int i) {
            return readers.get(i);
        }

        Checkpoint checkpoint(int i) {
            return readers.get(i);
        }

        List<Path> paths() {
            return paths;
        }

        @Override
        public void close() {
            readers.forEach(Checkpoint::close);
        }
    }
}
