package org.mistudio.app.gui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.mistudio.app.workspace.ExtractionParameters;
import org.mistudio.dsp.analysis.ErdsAnalysis;

import org.mistudio.dsp.spectrum.ErdsMap;

/**
 * The current extraction's features: the signed r² map (click a cell to select that feature) with the head
 * topography at the clicked frequency, the frequency profile of a channel, and the ERD/ERS time-frequency map of that
 * channel for a class (Graz timing, {@link ErdsAnalysis#graz()}).
 */
public final class FeatureAnalysisView implements View {

    private final Workbench bench;
    private final BorderPane root = new BorderPane();
    private final R2MapView r2;
    private final FrequencyProfileView profile = new FrequencyProfileView();
    private final ErdsCanvas erdsFirst = new ErdsCanvas();
    private final ErdsCanvas erdsSecond = new ErdsCanvas();
    private final ChoiceBox<String> kind = new ChoiceBox<>();
    private final Label erdsNote = new Label("");
    private final JobBar job;
    private Map<String, ErdsMap> erdsMaps;

    public FeatureAnalysisView(Workbench bench) {
        this.bench = bench;
        this.job = new JobBar(bench.owner());
        this.r2 = new R2MapView(bench.selectedFeatures());
        r2.setOnSelect(c -> profile.channelChoice().setValue(c.channel()));
        kind.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(bench.featureKind().get())) {
                bench.selectedFeatures().clear();
                bench.featureKind().set(now);
            }
            showFeatures();
        });
        profile.channelChoice().valueProperty().addListener((o, was, now) -> showErds());
        HBox erdsBar = new HBox(8, new Label("ERD/ERS of the profile's channel, power change from the baseline"),
                erdsNote);
        erdsBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox maps = new HBox(4, erdsFirst.root(), erdsSecond.root());
        HBox.setHgrow(erdsFirst.root(), Priority.ALWAYS);
        HBox.setHgrow(erdsSecond.root(), Priority.ALWAYS);
        erdsFirst.root().setPrefWidth(100);
        erdsSecond.root().setPrefWidth(100);
        VBox right = new VBox(4, profile.root(), erdsBar, maps, job.root());
        VBox.setVgrow(maps, Priority.ALWAYS);
        VBox.setVgrow(profile.root(), Priority.ALWAYS);
        right.setPadding(new Insets(4));
        SplitPane split = new SplitPane(r2.root(), right);
        split.setDividerPositions(0.55);
        HBox top = new HBox(8, new Label("Features"), kind, new Label("Click a cell of the map to select that "
                + "feature for training; the profile and ERD/ERS follow its channel."));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(split);
        bench.current().addListener((o, was, now) -> onExtraction());
    }

    @Override
    public String title() {
        return "Analysis";
    }

    @Override
    public Node root() {
        return root;
    }

    private void onExtraction() {
        Workbench.Extracted x = bench.current().get();
        if (x == null) {
            return;
        }
        kind.getItems().setAll(x.kinds());
        if (!x.kinds().contains(bench.featureKind().get())) {
            bench.featureKind().set(Workbench.Extracted.PSD);
        }
        kind.setValue(bench.featureKind().get());
        showFeatures();
        computeErds(x);
    }

    private void showFeatures() {
        Workbench.Extracted x = bench.current().get();
        if (x == null || kind.getValue() == null) {
            return;
        }
        String k = kind.getValue();
        var map = x.r2(k);
        r2.show(map);
        boolean psd = k.equals(Workbench.Extracted.PSD);
        String unit = x.psd().channels().isEmpty() ? "" : x.psd().quantity();
        profile.show(x.tensor(k), map, x.classes(), psd, psd ? "PSD (dB re 1 " + unitOf(unit) + ")"
                : "node strength (" + x.extraction().parameters().connectivity() + ")");
    }

    /** "psd welch (uV^2/Hz)" gives "uV²/Hz". */
    private static String unitOf(String quantity) {
        int a = quantity.indexOf('(');
        int b = quantity.lastIndexOf(')');
        String u = a >= 0 && b > a ? quantity.substring(a + 1, b) : "unit²/Hz";
        return u.replace("^2", "²").replace("uV", "µV");
    }

    /** ERD/ERS maps of the extraction's recordings with its preprocessing, off the UI thread. */
    CompletableFuture<Boolean> computeErds(Workbench.Extracted x) {
        ExtractionParameters p = x.extraction().parameters();
        List<String> paths = x.extraction().recordings();
        ErdsAnalysis analysis = ErdsAnalysis.graz();
        return job.run("ERD/ERS maps", progress -> {
            var prepared = p.toExtraction().prepared(bench.recordings(paths), (s, f) -> progress.update(s, f));
            progress.update("short-time spectra", 0.5);
            return analysis.run(prepared, p.classes());
        }, maps -> {
            erdsMaps = maps;
            showErds();
        });
    }

    private void showErds() {
        String ch = profile.channelChoice().getValue();
        if (erdsMaps == null || ch == null) {
            return;
        }
        List<Map.Entry<String, ErdsMap>> two = List.copyOf(erdsMaps.entrySet());
        if (!two.get(0).getValue().channels().contains(ch)) {
            erdsNote.setText("(" + ch + " has no ERD/ERS map)");
            return;
        }
        erdsNote.setText("");
        double limit = ErdsCanvas.colourLimit(two.stream().map(Map.Entry::getValue).toList(), ch);
        erdsFirst.show(two.get(0).getValue(), ch, ch + ", " + two.get(0).getKey(), limit);
        if (two.size() > 1) {
            erdsSecond.show(two.get(1).getValue(), ch, ch + ", " + two.get(1).getKey(), limit);
        }
    }

    R2MapView r2View() {
        return r2;
    }

    FrequencyProfileView profile() {
        return profile;
    }

    ErdsCanvas erdsCanvas() {
        return erdsFirst;
    }

    JobBar job() {
        return job;
    }
}

