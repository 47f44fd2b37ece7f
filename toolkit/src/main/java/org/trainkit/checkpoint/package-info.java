/**
 * Model parameters as plain values ({@link org.trainkit.checkpoint.ParameterSet}) and checkpoint
 * files in the safetensors format. Depends only on {@code core} (and Jackson for the JSON
 * headers); the training harness and the merge engine build on it.
 *
 * <ul>
 *   <li>{@link org.trainkit.checkpoint.SafetensorsFile}: one file, memory-mapped in chunks (files
 *       and tensors over 2 GiB), its header checked on opening.
 *   <li>{@link org.trainkit.checkpoint.Checkpoint}: one view of a single file or of shards listed
 *       by {@code model.safetensors.index.json}; both are a
 *       {@link org.trainkit.checkpoint.TensorReader}.
 *   <li>{@link org.trainkit.checkpoint.CheckpointWriter}: declare tensors, then stream their data
 *       through a {@link org.trainkit.checkpoint.TensorFeed}; one file or shards by size, written
 *       atomically.
 *   <li>{@link org.trainkit.checkpoint.Safetensors}: a {@code ParameterSet} to a file and back in
 *       one line.
 * </ul>
 *
 * <p>Malformed files are a {@link org.trainkit.checkpoint.CheckpointFormatException} naming the
 * file and the tensor; PyTorch pickle checkpoints are refused, never unpickled.
 */
package org.trainkit.checkpoint;
