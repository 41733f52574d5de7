package org.mistudio.models;

import ai.djl.engine.Engine;

/**
 * Starts DJL on the PyTorch engine, offline, single-threaded and seeded.
 *
 * <p>Offline: the {@code pytorch-native-cpu} (classifier {@code linux-x86_64}) and {@code pytorch-jni} jars are on
 * the class path, so DJL's {@code LibUtils} finds {@code native/lib/pytorch.properties} in the native jar and
 * unpacks libtorch from it into its cache ({@code ~/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64}, or {@code $DJL_CACHE_DIR}
 * / system property {@code DJL_CACHE_DIR}) on first use; it never needs the network. We also set
 * {@code ai.djl.offline=true}, which makes DJL fail instead of downloading if the jars were ever missing, and
 * {@code ai.djl.default_engine=PyTorch} so no other engine on the class path is picked.
 *
 * <p>Reproducibility on CPU: intra- and inter-op threads are set to 1 ({@code ai.djl.pytorch.num_threads},
 * {@code ai.djl.pytorch.num_interop_threads}, read by DJL when libtorch loads) so reductions run in one fixed order,
 * and {@link #seed(long)} seeds libtorch's generator (weight initialisation, dropout masks). These properties are
 * only read at engine start: call {@link #engine()} before anything else touches DJL; values already set by the
 * user (e.g. {@code -Dai.djl.pytorch.num_threads=2}) are kept.
 */
public final class DjlEngine {

    /** The engine name DJL knows PyTorch by. */
    public static final String PYTORCH = "PyTorch";

    private static volatile Engine engine;

    private DjlEngine() {
    }

    /** The PyTorch engine, started once with the settings above. */
    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (DjlEngine.class) {
                e = engine;
                if (e == null) {
                    setDefault("ai.djl.offline", "true");
                    setDefault("ai.djl.default_engine", PYTORCH);
                    setDefault("ai.djl.pytorch.num_threads", "1");
                    setDefault("ai.djl.pytorch.num_interop_threads", "1");
                    // No graph-executor warm-up or profiling in eager training.
                    setDefault("ai.djl.pytorch.graph_optimizer", "false");
                    e = Engine.getEngine(PYTORCH);
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * Turns libtorch's gradient recording off on the calling thread. Grad mode is per thread: DJL turns it off only
     * on the thread that started the engine, and a gradient collector restores what it found, so on any other thread
     * it stays on, and in-place updates of parameters outside a collector (max-norm constraints, restoring the best
     * weights) fail with "a leaf Variable that requires grad is being used in an in-place operation"; inference
     * would also record graphs for nothing. Call it on each thread before training or predicting.
     */
    public static void gradOffOnThisThread() {
        engine();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /** Seeds libtorch's random generator (initialisation, dropout) for reproducible training. */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
