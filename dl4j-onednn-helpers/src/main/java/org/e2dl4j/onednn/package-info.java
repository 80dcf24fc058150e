/**
 * Lets DL4J 1.0.0-M2.1's own oneDNN helpers of the stock layers load on the CPU backend: call
 * {@link org.e2dl4j.onednn.OneDnnHelpers#enable()} (or start the JVM with
 * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}) before the networks are instantiated.
 *
 * <p>Why they do not load without this module: a stock {@code ConvolutionLayer}, {@code BatchNormalization} or
 * {@code SubsamplingLayer} asks {@code HelperUtils.createHelper} for its helper when it is instantiated. That returns
 * none unless the system property {@code org.eclipse.deeplearning4j.helpers.disable} is {@code "false"} (DL4J's
 * default is {@code "true"}), and keeps the {@code MKLDNN*Helper} only if {@code BaseMKLDNNHelper.mklDnnEnabled()}
 * holds. That check needs the CPU backend and {@code Nd4j.getEnvironment().helpersAllowed()}, then loads
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and calls {@code getInstance().isUseMKLDNN()}. ND4J M2.1
 * no longer has that class (its binding is {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}, whose
 * method is {@code isUseONEDNN()}), so the check fails, DL4J remembers the failure, and every stock layer runs DL4J's
 * Java-side path (im2col and gemm for the convolution, ND4J array ops for the batch norm). This module supplies the
 * missing class ({@link org.nd4j.nativeblas.Nd4jCpu.Environment}); it answers with
 * {@link org.e2dl4j.onednn.Libnd4jOneDnn#inUse()}: libnd4j was built with oneDNN and has it switched on. With it, the
 * helpers run libnd4j's {@code conv2d}, {@code conv2d_bp}, {@code batchnorm}, {@code batchnorm_bp} and
 * {@code *pool2d_bp} ops, which libnd4j's oneDNN build computes with oneDNN.
 *
 * <p>A faster batch norm for the stock layer: {@link org.e2dl4j.onednn.BatchNormHelpers#install} gives every
 * {@code BatchNormalization} of an instantiated network a helper of this module that computes the same function
 * by per-row reductions and per-row scalings of the NCHW map, several times faster than DL4J's oneDNN helper (which
 * reduces along the strided axes and runs libnd4j's {@code batchnorm_bp}); it needs no oneDNN and no
 * {@code enable()}. Likewise {@link org.e2dl4j.onednn.ReluLayers#install} replaces every stock plain-ReLU
 * {@code ActivationLayer} by a layer that computes the same values without the stock layer's copies of the map
 * (forward in training and backward) and without libnd4j's slow {@code relu_bp}, and
 * {@link org.e2dl4j.onednn.FrozenDepthwiseLayers#install} gives every frozen {@code DepthwiseConvolution2D} (a fixed
 * blur inside {@code FrozenLayerWithBackprop}) a backward pass that computes dL/dx alone, from band matrices when
 * the filter is one outer product on every channel, instead of the stock pass's second forward convolution and
 * filter gradient.
 *
 * <p>Limits, all of DL4J 1.0.0-M2.1 and its libnd4j (see the tests of this module):
 * <ul>
 *   <li>Only layers instantiated after {@code enable()} get helpers, and only {@code ConvolutionLayer},
 *       {@code BatchNormalization} and {@code SubsamplingLayer} (with {@code Subsampling1DLayer}, which reuses its
 *       backward pass); {@code Deconvolution2D}, {@code DepthwiseConvolution2D}, {@code SeparableConvolution2D} and
 *       {@code Convolution3D} create none, and {@code Convolution1DLayer} gets one but convolves without it. On the
 *       CPU backend, {@code LocalResponseNormalization} and {@code LSTM} create no oneDNN helper in M2.1.</li>
 *   <li>The helpers work on float arrays only: in double (or half) the convolution and batch-norm helpers decline
 *       and DL4J runs its own path. The batch-norm helper declines {@code lockGammaBeta(true)}.</li>
 *   <li>{@code SubsamplingLayer} uses its helper for the backward pass only (M2.1 always runs the forward pass as
 *       libnd4j's pooling op); SUM and PNORM pooling run DL4J's own path.</li>
 *   <li>Wrong: average pooling with {@code avgPoolIncludePadInDivisor(true)} and padding. The forward pass divides
 *       by the whole window, the helper's backward pass by the part inside the image, so the input gradient is
 *       wrong, without an error and without fallback. Keep the default {@code false} (or no padding) with helpers.</li>
 *   <li>Failing: a convolution with dilation above 1. libnd4j's oneDNN {@code conv2d} cannot create the dilated
 *       primitive; DL4J logs the failure with its stack trace and runs its own path from then on (a layer with
 *       {@code cudnnAllowFallback(false)} fails instead).</li>
 *   <li>On the CUDA backend nothing changes: {@code enable()} reports the backend and leaves the property alone
 *       (setting it there would switch on DL4J's cuDNN helpers, which need deeplearning4j-cuda).</li>
 * </ul>
 */
package org.e2dl4j.onednn;
