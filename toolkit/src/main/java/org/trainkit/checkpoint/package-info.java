/**
 * Model parameters as plain values ({@link org.trainkit.checkpoint.ParameterSet}) and checkpoint
 * files in the safetensors format. Depends only on {@code core}; the training harness and the
 * merge engine build on it.
 */
package org.trainkit.checkpoint;
