package org.trainkit.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Refuses PyTorch pickle checkpoints ({@code .bin}, {@code .pt}, {@code .pth}, {@code .ckpt}, or
 * a file starting like a zip archive or a pickle stream): unpickling can run arbitrary code, so
 * trainkit never does it and says instead how to convert the file to safetensors.
 */
final class PickleGuard {

    /** The extensions of pickle-based checkpoints. */
    static final List<String> EXTENSIONS = List.of(".bin", ".pt", ".pth", ".ckpt");

    private PickleGuard() {
    }

    /** Whether {@code file} is named like a pickle checkpoint. */
    static boolean namedLikePickle(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Whether {@code start}, the first bytes of a file, begin a zip archive ({@code torch.save}'s
     * format since PyTorch 1.6) or a pickle stream of protocol 2 or later (older {@code torch.save}).
     */
    static boolean startsLikePickle(byte[] start) {
        boolean zip = start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        boolean pickle = start.length >= 2 && (start[0] & 0xFF) == 0x80 && start[1] >= 2 && start[1] <= 5;
        return zip || pickle;
    }

    /** The refusal for {@code file}, saying {@code why} it is taken for a pickle and how to convert it. */
    static CheckpointFormatException refusal(Path file, String why) {
        return new CheckpointFormatException(file, why + ". trainkit reads safetensors only"
                + " and never unpickles (loading a pickle can run arbitrary code). Convert it once, in Python:"
                + " from safetensors.torch import save_file; import torch;"
                + " save_file(torch.load(path, weights_only=True), \"model.safetensors\")"
                + " (for a Lightning .ckpt, pass its [\"state_dict\"]; tensors that share memory need .clone())");
    }
}
