package org.mistudio.models.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.mistudio.models.DjlEngine;

/**
 * Parameter counts against the reference implementations, derived layer by layer from their source (Keras counts
 * "Total params" including batch-norm moving mean and variance, 4 per map; PyTorch/braindecode count 2 per map:
 * trainable = total - 2 x batch-norm maps). Conv/dense parameters: filters x in/groups x kh x kw (+ filters if bias).
 */
class ParameterCountTest {

    private static EegNetwork init(EegNetwork net, NDManager m) {
        net.initialize(m);
        return net;
    }

    private static void checkForward(EegNetwork net, NDManager m) {
        NDArray x = m.randomNormal(net.inputShape(3));
        NDList out = net.block().forward(new ParameterStore(m, false), new NDList(x), false);
        assertArrayEquals(new long[] {3, net.classes()}, out.singletonOrThrow().getShape().getShape());
    }

    /**
     * EEGModels {@code EEGNet(nb_classes=4, Chans=64, Samples=128)} (kernLength 64, F1 8, D 2, F2 16):
     * conv 8*64 = 512; BN 4*8 = 32; depthwise 64*16 = 1,024; BN 4*16 = 64; separable 16*16 (depthwise) + 16*16
     * (pointwise) = 512; BN 64; time 128 / 4 / 8 = 4, flatten 16*4 = 64, dense 64*4 + 4 = 260. Total 2,468;
     * trainable 2,468 - 2*(8 + 16 + 16) = 2,388.
     */
    @Test
    void eegnet() {
        try (NDManager m = DjlEngine.engine().newBaseManager()) {
            EegNetwork net = init(EegNet.build(64, 128, 4), m);
            assertEquals(2468, net.parameterCount());
            assertEquals(2388, net.trainableParameterCount());
            checkForward(net, m);
        }
    }

    /**
     * EEGModels {@code ShallowConvNet(4, Chans=64, Samples=128)}: conv 40*13 + 40 = 560; conv 40*40*64 = 102,400
     * (no bias); BN 4*40 = 160; time 128 - 12 = 116, pool 35/7: (116 - 35) / 7 + 1 = 12; dense 40*12*4 + 4 = 1,924.
     * Total 105,044; trainable 105,044 - 80 = 104,964.
     */
    @Test
    void shallow() {
        try (NDManager m = DjlEngine.engine().newBaseManager()) {
            EegNetwork net = init(ShallowConvNet.build(64, 128, 4), m);
            assertEquals(105_044, net.parameterCount());
            assertEquals(104_964, net.trainableParameterCount());
            checkForward(net, m);
        }
    }

    /**
     * EEGModels {@code DeepConvNet(4, Chans=64, Samples=128)}: conv 25*5 + 25 = 150; conv 25*25*64 + 25 = 40,025;
     * BN 100; time 124 -> 62; conv 50*25*5 + 50 = 6,300; BN 200; 58 -> 29; conv 100*50*5 + 100 = 25,100; BN 400;
     * 25 -> 12; conv 200*100*5 + 200 = 100,200; BN 800; 8 -> 4; dense 200*4*4 + 4 = 3,204. Total 176,479; trainable
     * 176,479 - 2*(25 + 50 + 100 + 200) = 175,729.
     */
    @Test
    void deep() {
        try (NDManager m = DjlEngine.engine().newBaseManager()) {
            EegNetwork net = init(DeepConvNet.build(64, 128, 4), m);
            assertEquals(176_479, net.parameterCount());
            assertEquals(175_729, net.trainableParameterCount());
            checkForward(net, m);
        }
    }

    /**
     * rootskar {@code EEGNet_fusion(4, Chans=64, Samples=128)}. Branch 1 (8, 64, 16, 8): 512 + 32 + 64*16 + 64 +
     * (16*8 + 16*16) + 64 = 2,080, flatten 16*4 = 64. Branch 2 (16, 96, 32, 16): 1,536 + 64 + 2,048 + 128 +
     * (32*16 + 32*32) + 128 = 5,440, flatten 128. Branch 3 (32, 128, 64, 32): 4,096 + 128 + 4,096 + 256 + (64*32 +
     * 64*64) + 256 = 14,976, flatten 256. Dense 448*4 + 4 = 1,796. Total 24,292; trainable 24,292 - 2*(40 + 80 + 160)
     * = 23,732.
     */
    @Test
    void fusion() {
        try (NDManager m = DjlEngine.engine().newBaseManager()) {
            EegNetwork net = init(EegNetFusion.build(64, 128, 4), m);
            assertEquals(24_292, net.parameterCount());
            assertEquals(23_732, net.trainableParameterCount());
            checkForward(net, m);
        }
    }

    /**
     * Riyad et al. 2021 report 162,564 parameters for MI-EEGNet on BCI IV 2a (22 channels, 4 classes); the derivation
     * is in {@link MiEegNet}'s comment. Trainable = 162,564 - 2*(64 + 256 + 64 + 64 + 256 + 256) = 160,644.
     */
    @Test
    void miEegnet() {
        try (NDManager m = DjlEngine.engine().newBaseManager()) {
            EegNetwork net = init(MiEegNet.build(22, 256, 4), m);
            assertEquals(162_564, net.parameterCount());
            assertEquals(160_644, net.trainableParameterCount());
            checkForward(net, m);
            // global average pooling: the count does not depend on the time length
            EegNetwork other = init(MiEegNet.build(22, 512, 4), m);
            assertEquals(162_564, other.parameterCount());
        }
    }

    @Test
    void everyNetworkByNameOnTheTrainingShape() {
        try (NDManager m = DjlEngine.engine().newBaseManager()) {
            for (String name : Networks.NAMES) {
                EegNetwork net = init(Networks.create(name, 22, 256, 2), m);
                checkForward(net, m);
                System.out.println("### " + net.name() + " (22 x 256, 2 classes)\n" + net.markdownTable());
            }
        }
    }
}
