package org.mistudio.app.gui;

import javafx.scene.Node;

/** One screen of the workbench, shown as a tab; {@link WorkbenchPane#views} lists them in order. */
public interface View {

    String title();

    Node root();
}
