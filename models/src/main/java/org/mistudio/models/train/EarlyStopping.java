package org.mistudio.models.train;

/**
 * When to stop training and which epoch's weights to keep, from the validation loss and accuracy of each epoch.
 *
 * <ul>
 *   <li>{@link Rule#BEST_LOSS}: stop after {@code patience} epochs without a new lowest loss; keep the epoch of the
 *       lowest loss.</li>
 *   <li>{@link Rule#PAPER}: the rule of the comparison paper's code (Köllőd et al. 2023; github.com/kolcs/bionic_apps,
 *       {@code bionic_apps/ai/interface.py}: {@code EarlyStoppingAfterInitValidationReached} with its default
 *       {@code give_up=100} and {@code SaveAndRestoreBestModel}). On a few dozen trials the validation loss of a
 *       freshly initialised network often rises for the first 10-30 epochs before it falls below where it started;
 *       a plain patience of 15 then stops at about epoch 16 and keeps epoch 1 or 2, a barely trained network. The
 *       paper's rule does not count patience until the loss has once gone below its first-epoch value (giving up
 *       after 100 epochs that do not); until then it keeps the epoch of the highest validation accuracy, afterwards
 *       an epoch whose loss is below that of every epoch kept since and whose accuracy is at least the highest kept
 *       so far.</li>
 * </ul>
 * Patience 0 never stops early, nor gives up (the epoch limit ends training); the weights are still chosen by the rule.
 */
public final class EarlyStopping {

    /** The two rules. */
    public enum Rule {
        BEST_LOSS, PAPER;

        /** Command-line name: {@code best-loss} or {@code paper}. */
        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Rule parse(String s) {
            for (Rule r : values()) {
                if (r.cliName().equals(s)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("stopping rule: expected best-loss or paper, got '" + s + "'");
        }
    }

    /** What to do after an epoch: keep its weights (as the ones to restore) and/or stop. */
    public record Decision(boolean keep, boolean stop) {
    }

    /** bionic_apps' {@code give_up}: epochs (after the first) whose loss is not below the first, before giving up. */
    static final int GIVE_UP = 100;

    private final Rule rule;
    private final int patience;
    private int epochs;
    private double best = Double.POSITIVE_INFINITY;
    private int wait;
    // PAPER only
    private double initial;
    private boolean reachedInitial;
    private int epochsAboveInitial;
    private double keptLoss = Double.POSITIVE_INFINITY;
    private double keptAccuracy = Double.NEGATIVE_INFINITY;

    public EarlyStopping(Rule rule, int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.rule = rule;
        this.patience = patience;
    }

    /** Feeds one epoch's validation loss and accuracy (in epoch order). */
    public Decision observe(double loss, double accuracy) {
        int epoch = epochs++;
        boolean improved = loss < best;
        if (improved) {
            best = loss;
        }
        wait = improved ? 0 : wait + 1;
        if (rule == Rule.BEST_LOSS) {
            return new Decision(improved, patience > 0 && wait >= patience);
        }
        if (epoch == 0) {
            initial = loss;
        } else if (!reachedInitial) {
            if (loss < initial) {
                reachedInitial = true;
            } else {
                epochsAboveInitial++;
                wait = 0;
            }
        }
        boolean keep;
        if (!reachedInitial) {
            keep = accuracy > keptAccuracy;
        } else {
            keep = loss < keptLoss && accuracy >= keptAccuracy;
            if (keep) {
                keptLoss = loss;
            }
        }
        if (keep) {
            keptAccuracy = accuracy;
        }
        boolean stop = patience > 0 && ((wait >= patience && epoch > 0) || epochsAboveInitial > GIVE_UP);
        return new Decision(keep, stop);
    }
}
