package org.trainkit.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainkit.checkpoint.Safetensors;

/**
 * A {@link StepListener} that saves the model's parameters along a run: after every
 * {@code every}-th step (steps {@code every - 1, 2 every - 1, ...}, 0-based) and after the last
 * one, as {@code <folder>/step-000100.safetensors} (the number of steps done, six digits) in
 * float32. Each file's {@code __metadata__} holds the step, the epoch, the step's learning rate and
 * batch loss, and the run's settings ({@link RunSettings#metadata()}); tensor names are the
 * architecture's stable parameter names, so the checkpoints of one architecture line up tensor
 * for tensor. Files are written atomically. The checkpoints of a run are the trajectory that
 * averaging methods (uniform average of the last k, EMA, LCSC) merge.
 *
 * <pre>{@code
 * Checkpoints saved = Checkpoints.every(100, runFolder);
 * Trainer.on(data)...listener(saved).train();
 * saved.files();   // in the order written
 * }</pre>
 */
public final class Checkpoints implements StepListener {

    private final int every;
    private final Path folder;
    private final List<Path> files = Collections.synchronizedList(new ArrayList<>());

    private Checkpoints(int every, Path folder) {
        this.every = every;
        this.folder = folder;
    }

    /** Saves every {@code every} steps (and after the last step) into {@code folder}. */
    public static Checkpoints every(int every, Path folder) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints: every must be >= 1 step, got " + every);
        }
        return new Checkpoints(every, folder);
    }

    /** The file holding the parameters after {@code stepsDone} steps. */
    public Path fileAfter(int stepsDone) {
        return folder.resolve(String.format(Locale.ROOT, "step-%06d.safetensors", stepsDone));
    }

    /** The files written so far, in order. */
    public List<Path> files() {
        synchronized (files) {
            return List.copyOf(files);
        }
    }

    @Override
    public void onStep(StepEvent event) {
        int done = event.step() + 1;
        if (done % every != 0 && done != event.settings().steps()) {
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("step", Integer.toString(done));
        metadata.put("epoch", Integer.toString(event.epoch()));
        metadata.put("lr", Double.toString(event.lr()));
        metadata.put("loss", Double.toString(event.loss()));
        event.settings().metadata().forEach((key, value) -> metadata.put("run." + key, value));
        files.add(Safetensors.write(fileAfter(done), event.parameters(), metadata));
    }

    @Override
    public String toString() {
        return "checkpoints every " + every + " steps in " + folder;
    }
}
