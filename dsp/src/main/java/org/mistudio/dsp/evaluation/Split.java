package org.mistudio.dsp.evaluation;

/** One train/test split: trial indices (arrays copied in and out). */
public record Split(int[] train, int[] test) {

    public Split {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
