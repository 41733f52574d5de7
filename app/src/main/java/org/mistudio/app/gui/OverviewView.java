package org.mistudio.app.gui;

import javafx.scene.Node;

/** The first look at the selected recording ({@link AnalysisView}): mu/beta spectra at C3 and C4, lateralisation. */
public final class OverviewView implements View {

    private final AnalysisView analysis;
    private Runnable whenShown = () -> { };

    public OverviewView(Workbench bench) {
        analysis = new AnalysisView(bench.owner());
        analysis.hideOpenButton();
        bench.selectedRecording().addListener((o, was, path) -> {
            if (path == null) {
                return;
            }
            try {
                analysis.analyse(path, bench.recording(path), () -> whenShown.run());
            } catch (java.io.IOException e) {
                Errors.show(bench.owner(), "Cannot read " + path, e);
            }
        });
    }

    /** Runs after each analysis is shown (for the window's screenshot option). */
    void setWhenShown(Runnable r) {
        this.whenShown = r;
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Node root() {
        return analysis.root();
    }

    AnalysisView analysis() {
        return analysis;
    }
}
