/**
 * Datasets: the IDX file format ({@link org.trainkit.data.IdxFile}) and Fashion-MNIST
 * ({@link org.trainkit.data.FashionMnist}) as {@link org.trainkit.data.LabelledImages}, and
 * deterministic, seeded views of a set that share its pixels and keep each sample's id: a
 * stratified {@link org.trainkit.data.TrainValidation} split, class subsets, a
 * {@link org.trainkit.data.LongTail} subsample, and {@link org.trainkit.data.LabelNoise} giving
 * {@link org.trainkit.data.NoisyLabels}. Views compose in any order. Imports only
 * {@code org.trainkit.core} of trainkit.
 */
package org.trainkit.data;
