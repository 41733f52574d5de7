package org.mistudio.dsp.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.mistudio.dsp.decode.Reference.assertClose;
import static org.mistudio.dsp.decode.Reference.ints;
import static org.mistudio.dsp.decode.Reference.matrix;
import static org.mistudio.dsp.decode.Reference.vector;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LDA against scikit-learn 1.2.1 on the Gaussian data sets in reference.json. */
class LdaReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "two_class, svd", "two_class, lsqr_auto", "two_class, lsqr_0.3",
        "two_class_collinear, svd", "two_class_collinear, lsqr_auto", "two_class_collinear, lsqr_0.3",
        "three_class, svd", "three_class, lsqr_auto", "three_class, lsqr_0.3"})
    void matchesSklearn(String dataset, String solver) {
        JsonNode c = Reference.root().get("lda").get(dataset);
        JsonNode e = c.get(solver);
        double[][] x = matrix(c.get("X"));
        int[] y = ints(c.get("y"));
        double[][] xt = matrix(c.get("Xtest"));
        Lda lda = switch (solver) {
            case "svd" -> Lda.svd();
            case "lsqr_auto" -> Lda.lsqrAuto();
            default -> Lda.lsqr(0.3);
        };
        LdaModel m = lda.fit(x, y);
        String what = dataset + "/" + solver;
        assertArrayEquals(ints(e.get("classes")), m.classes(), what + " classes");
        // the collinear svd case: coef is only determined on the data's rank subspace; sklearn and we both
        // return the min-norm representative of the same projection, compared like the others.
        assertClose(matrix(e.get("coef")), m.sklearnCoef(), 1e-8, what + " coef");
        assertClose(vector(e.get("intercept")), m.sklearnIntercept(), 1e-8, what + " intercept");
        assertClose(matrix(e.get("decision")), m.decisionFunction(xt), 1e-8, what + " decision");
        assertClose(matrix(e.get("proba")), m.predictProba(xt), 1e-8, what + " proba");
        assertArrayEquals(ints(e.get("predict")), m.predict(xt), what + " predict");
    }
}
