/**
 * Datasets: the IDX file format ({@link org.trainkit.data.IdxFile}) and Fashion-MNIST
 * ({@link org.trainkit.data.FashionMnist}) as {@link org.trainkit.data.LabelledImages}.
 */
package org.trainkit.data;
