package org.mistudio.models.net;

/**
 * One row of a network's layer table.
 *
 * @param layer      what the layer is, with its settings
 * @param outputShape output shape without the batch axis
 * @param parameters all parameters, batch-norm running mean and variance included (Keras' "Total params")
 * @param trainable  parameters that receive gradients (PyTorch/braindecode's count)
 */
public record LayerSummary(String layer, String outputShape, long parameters, long trainable) {
}
