package org.mistudio.models.net;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A sequential block whose layers carry labels, so a network can describe itself layer by layer. */
final class LayerStack {

    private record Layer(String label, Block block, List<LayerStack> branches) {
    }

    private final SequentialBlock block = new SequentialBlock();
    private final List<Layer> layers = new ArrayList<>();

    LayerStack add(String label, Block b) {
        block.add(b);
        layers.add(new Layer(label, b, List.of()));
        return this;
    }

    /** Runs the branches on the same input and joins their outputs. */
    LayerStack parallel(String label, Function<List<NDList>, NDList> join, List<LayerStack> branches) {
        List<Block> blocks = new ArrayList<>();
        for (LayerStack b : branches) {
            blocks.add(b.block);
        }
        ParallelBlock p = new ParallelBlock(join, blocks);
        block.add(p);
        layers.add(new Layer(label, p, List.copyOf(branches)));
        return this;
    }

    SequentialBlock block() {
        return block;
    }

    /** Rows of (layer, output shape without the batch axis, parameters incl. batch-norm running statistics). */
    List<LayerSummary> summarize(Shape input, String prefix) {
        List<LayerSummary> rows = new ArrayList<>();
        Shape cur = input;
        for (Layer l : layers) {
            if (!l.branches.isEmpty()) {
                for (int i = 0; i < l.branches.size(); i++) {
                    rows.addAll(l.branches.get(i).summarize(cur, prefix + "branch " + (i + 1) + ": "));
                }
            }
            Shape out = l.block.getOutputShapes(new Shape[] {cur})[0];
            long params = l.branches.isEmpty() ? EegNetwork.countParameters(l.block, false) : 0;
            long trainable = l.branches.isEmpty() ? EegNetwork.countParameters(l.block, true) : 0;
            rows.add(new LayerSummary(prefix + l.label, dropBatch(out), params, trainable));
            cur = out;
        }
        return rows;
    }

    private static String dropBatch(Shape s) {
        long[] dims = s.getShape();
        return Arrays.toString(Arrays.copyOfRange(dims, 1, dims.length)).replace('[', '(').replace(']', ')');
    }
}
