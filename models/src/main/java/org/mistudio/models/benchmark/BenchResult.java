package org.mistudio.models.benchmark;

/**
 * One finished unit of the benchmark: a model trained and tested on one fold of one subject under one protocol.
 *
 * @param subject   e.g. "S001"
 * @param model     "eegnet", ..., or "csp-lda"
 * @param protocol  "within" or "transfer"
 * @param fold      0-based fold
 * @param correct   correctly classified test trials
 * @param tested    test trials
 * @param kappa     Cohen's kappa on the fold
 * @param seconds   training wall time (fine-tuning only, for transfer)
 * @param epochs    epochs run (0 for csp-lda)
 * @param windowCorrect with sliding windows ({@link PaperBenchmark.Crops}): test windows classified correctly
 *                  (the trial's decision is the mean of its windows' probabilities); 0 without windows
 * @param windowTested  test windows; 0 without windows
 */
public record BenchResult(String subject, String model, String protocol, int fold, int correct, int tested,
                          double kappa, double seconds, int epochs, int windowCorrect, int windowTested) {

    /** A result without sliding windows. */
    public BenchResult(String subject, String model, String protocol, int fold, int correct, int tested,
                       double kappa, double seconds, int epochs) {
        this(subject, model, protocol, fold, correct, tested, kappa, seconds, epochs, 0, 0);
    }

    public String key() {
        return subject + "/" + model + "/" + protocol + "/" + fold;
    }

    public double accuracy() {
        return correct / (double) tested;
    }
}
