package org.mistudio.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class DjlEngineTest {

    @Test
    void pyTorchLoadsOfflineFromTheNativeJar() {
        Engine e = DjlEngine.engine();
        assertEquals("PyTorch", e.getEngineName());
        try (NDManager m = e.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3});
            assertEquals(14f, a.mul(a).sum().getFloat(), 1e-6);
        }
    }
}
