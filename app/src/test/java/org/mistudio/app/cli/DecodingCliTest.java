package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mistudio.dsp.evaluation.ChanceLevel;

/** r2map and classify on real EEGMMIDB runs (subject 1, imagined left/right fist). */
class DecodingCliTest {

    static List<String> s001(String... extra) {
        Path dir = Paths.get(System.getProperty("mistudio.shared", "../../shared")).resolve("data/eegmmidb/S001");
        List<String> a = new ArrayList<>();
        for (String r : new String[] {"R04", "R08", "R12"}) {
            a.add(dir.resolve("S001" + r + ".edf").toString());
        }
        a.addAll(List.of(extra));
        return a;
    }

    static CliTest.Run run(String sub, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(sub);
        all.addAll(args);
        return CliTest.run(all.toArray(new String[0]));
    }

    @Test
    void cspLdaKFoldGivesMnesAccuracyAndTheFullReport() throws Exception {
        CliTest.Run r = run("classify", s001("--classes", "T1,T2", "--pipeline", "csp-lda", "--cv", "kfold:5",
                "--json"));
        assertEquals(0, r.status(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out());
        // MNE 1.3 + scikit-learn 1.2: 0.6444 for S001 (dsp/src/test/resources/.../eegmmidb_csp_lda.json)
        assertEquals(29.0 / 45, d.get("accuracy").asDouble(), 1e-9);
        assertEquals(45, d.get("trials").asInt());
        assertEquals(5, d.get("fold_accuracy").size());
        int total = 0;
        int correct = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                total += d.get("confusion_matrix").get(i).get(j).asInt();
            }
            correct += d.get("confusion_matrix").get(i).get(i).asInt();
        }
        assertEquals(45, total);
        assertEquals(29, correct, "KFold pools every trial once");
        assertEquals(ChanceLevel.threshold(45, 2, 0.05), d.get("chance_threshold").asDouble(), 1e-12);
        assertEquals(0.5, d.get("chance_level").asDouble(), 0);
        double auc = d.get("roc_auc").asDouble();
        assertTrue(auc > 0 && auc < 1, r.out());
        assertTrue(d.get("per_class").has("T1") && d.get("per_class").get("T2").has("f1"), r.out());
        assertTrue(Math.abs(d.get("kappa").asDouble()) < 1);
    }

    @Test
    void shuffleSplitIsReproducibleFromTheSeed() throws Exception {
        ObjectMapper om = new ObjectMapper();
        JsonNode a = om.readTree(run("classify", s001("--classes", "T1,T2", "--cv", "shuffle:10", "--seed", "3",
                "--json")).out());
        JsonNode b = om.readTree(run("classify", s001("--classes", "T1,T2", "--cv", "shuffle:10", "--seed", "3",
                "--json")).out());
        assertEquals(10, a.get("fold_accuracy").size());
        assertEquals(a.get("fold_accuracy"), b.get("fold_accuracy"));
        CliTest.Run table = run("classify", s001("--classes", "T1,T2", "--cv", "shuffle:10"));
        assertTrue(table.out().contains("accuracy ") && table.out().contains("confusion matrix"), table.out());
    }

    @Test
    void psdLdaWithManualAndAutomaticFeatures() throws Exception {
        ObjectMapper om = new ObjectMapper();
        CliTest.Run manual = run("classify", s001("--classes", "T1,T2", "--pipeline", "psd-lda", "--features",
                "C4;13,C3;11:13", "--cv", "stratified:5", "--json"));
        assertEquals(0, manual.status(), manual.err());
        JsonNode d = om.readTree(manual.out());
        assertTrue(d.get("description").asText().contains("C4;13"), manual.out());
        assertEquals(45, d.get("test_trials").asInt());
        CliTest.Run auto = run("classify", s001("--classes", "T1,T2", "--pipeline", "psd-lda", "--auto", "2",
                "--method", "burg", "--json"));
        assertEquals(0, auto.status(), auto.err());
        double acc = om.readTree(auto.out()).get("accuracy").asDouble();
        assertTrue(acc >= 0 && acc <= 1);
    }

    @Test
    void badFeaturesAndOptionsAreReported() {
        CliTest.Run r = run("classify", s001("--classes", "T1,T2", "--pipeline", "psd-lda", "--features", "Cx;13"));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("unknown channel 'Cx'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        r = run("classify", s001("--classes", "T1,T2", "--pipeline", "psd-lda", "--features", "C4;90"));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no frequency bin in 90.0 Hz"), r.err());
        assertEquals(2, run("classify", s001("--classes", "T1,T2", "--cv", "loo")).status());
        assertEquals(2, run("classify", s001("--classes", "T1,T2", "--pipeline", "mdm")).status());
        assertEquals(2, run("classify", s001("--classes", "T1,T2", "--auto", "2")).status(), "csp-lda has no --auto");
        r = run("classify", s001("--classes", "T1,T9"));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no trial of class 'T9'"), r.err());
    }

    @Test
    void r2mapListsTopFeaturesByAbsoluteR2() throws Exception {
        CliTest.Run r = run("r2map", s001("--classes", "T1,T2", "--json", "--top", "5"));
        assertEquals(0, r.status(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertEquals(64, d.get("r2").size());
        assertEquals(40, d.get("r2").get(0).size());
        assertEquals(40, d.get("freqs").size());
        JsonNode top = d.get("top");
        assertEquals(5, top.size());
        double best = 0;
        for (JsonNode row : d.get("r2")) {
            for (JsonNode v : row) {
                best = Math.max(best, Math.abs(v.asDouble()));
            }
        }
        assertEquals(best, Math.abs(top.get(0).get("r2").asDouble()), 0);
        for (int i = 1; i < top.size(); i++) {
            assertTrue(Math.abs(top.get(i - 1).get("r2").asDouble()) >= Math.abs(top.get(i).get("r2").asDouble()));
        }
        CliTest.Run table = run("r2map", s001("--classes", "T1,T2", "--method", "burg"));
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().contains("rank"), table.out());
        assertEquals(2, run("r2map", s001("--classes", "T1,T2,T0")).status());
    }
}
